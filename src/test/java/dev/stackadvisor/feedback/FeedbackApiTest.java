package dev.stackadvisor.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answer feedback against the real server on SQLite (keyword retrieval: the feedback path is the same in both
 * modes): every channel's answer carries an {@code answerId}, a rating of it is stored and listed, and every bad
 * request gets its 4xx with the usual error body.
 */
@Timeout(120)
@EndToEnd
class FeedbackApiTest {

    static final String ADMIN = "admin-key-for-feedback";
    private static final Pattern DONE = Pattern.compile("event: done\\ndata: (.*)\\n");

    private static Path dataDir;
    private static TestServer server;

    @BeforeAll
    static void startServer() throws IOException {
        dataDir = Files.createTempDirectory("feedback-api");
        server = TestServer.start(TestServer.config(AppConfig.Retrieval.KEYWORD, TestServer.SHARED_CACHE_DIR,
                Map.of("ADVISOR_DATA_DIR", dataDir.toString(), "ADVISOR_ADMIN_KEYS", ADMIN)));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    /** {@code POST /api/feedback}. */
    static Response rate(TestServer s, String answerId, String rating, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answerId", answerId);
        body.put("rating", rating);
        if (comment != null) {
            body.put("comment", comment);
        }
        return s.postJson("/api/feedback", TestServer.toJson(body));
    }

    /** {@code GET path} with an admin key. */
    static Response adminGet(String baseUrl, String path) {
        return TestServer.sendWithNewClient(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + ADMIN).GET());
    }

    @Test
    void should_store_a_rating_of_a_chat_answer_and_list_it_for_an_admin() {
        // given an answer
        Response chat = server.chat("fastify vs nestjs for a new API?");
        assertEquals(200, chat.status(), chat.toString());
        String answerId = chat.json().path("answerId").asText();
        assertTrue(answerId.matches("a-[0-9a-f]{24}"), chat.body());

        double before = downCount(server);

        // when it is rated down with a comment
        Response rated = rate(server, answerId, "down", "missing the DI trade-off");

        // then it is stored, counted and listed with the conversation it rates
        assertEquals(201, rated.status(), rated.toString());
        assertEquals(answerId, rated.json().path("answerId").asText());
        assertEquals("down", rated.json().path("rating").asText());
        assertTrue(rated.json().path("feedbackId").asText().startsWith("f-"));
        Response list = adminGet(server.baseUrl(), "/api/feedback?rating=down");
        assertEquals(200, list.status(), list.toString());
        JsonNode item = find(list.json().path("feedback"), answerId);
        assertEquals("missing the DI trade-off", item.path("comment").asText());
        assertEquals("fastify vs nestjs for a new API?", item.path("turns").get(0).asText());
        assertEquals(chat.json().path("answer").asText(), item.path("answer").asText());
        assertEquals("api", item.path("channel").asText());
        assertTrue(item.path("sources").size() > 0, item.toString());
        assertEquals(before + 1, downCount(server), 0.0, "the rating is counted");
        assertTrue(adminGet(server.baseUrl(), "/api/feedback?rating=up").json().path("feedback").findValues("answerId")
                .stream().noneMatch(n -> n.asText().equals(answerId)), "filtered by rating");
    }

    @Test
    void should_keep_the_conversation_turns_of_a_follow_up() {
        Response first = server.chat("tell me about django", "s-feedback-follow-up");
        Response second = server.chat("and its limitations?", "s-feedback-follow-up");
        String answerId = second.json().path("answerId").asText();
        assertFalse(answerId.equals(first.json().path("answerId").asText()), "one id per answer");

        assertEquals(201, rate(server, answerId, "up", null).status());

        JsonNode item = find(adminGet(server.baseUrl(), "/api/feedback").json().path("feedback"), answerId);
        assertEquals(2, item.path("turns").size(), item.toString());
        assertEquals("and its limitations?", item.path("turns").get(1).asText());
        assertTrue(item.path("comment").isNull());
    }

    @Test
    void should_give_the_stream_and_the_openai_answers_an_id_that_can_be_rated() {
        Response stream = server.postJson("/api/chat/stream", TestServer.chatJson("is flask good for small services?", null));
        Matcher done = DONE.matcher(stream.body());
        assertTrue(done.find(), stream.body());
        String streamed = parse(done.group(1)).path("answerId").asText();
        assertEquals(201, rate(server, streamed, "up", null).status(), "the done event's answerId");

        Response v1 = server.postJson("/v1/chat/completions",
                "{\"model\":\"stack-advisor\",\"messages\":[{\"role\":\"user\",\"content\":\"gin or echo?\"}]}");
        assertEquals(200, v1.status(), v1.toString());
        assertEquals(201, rate(server, v1.json().path("answerId").asText(), "down", "too vague").status());

        Response v1Stream = server.postJson("/v1/chat/completions",
                "{\"model\":\"stack-advisor\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"gin or echo?\"}]}");
        Matcher id = Pattern.compile("\"answerId\":\"(a-[0-9a-f]{24})\"").matcher(v1Stream.body());
        assertTrue(id.find(), "the finishing chunk carries the answerId: " + v1Stream.body());
        assertEquals(201, rate(server, id.group(1), "up", null).status());
    }

    @Test
    void should_answer_404_for_an_answer_id_no_answer_has() {
        Response r = rate(server, "a-000000000000000000000000", "up", null);
        assertEquals(404, r.status(), r.toString());
        assertEquals("not_found", r.json().path("error").path("code").asText());
    }

    static Stream<Arguments> badBodies() {
        String longComment = "x".repeat(FeedbackService.MAX_COMMENT_CHARS + 1);
        return Stream.of(
                Arguments.of("empty body", "", "JSON object"),
                Arguments.of("not JSON", "{answerId", "not valid JSON"),
                Arguments.of("an array", "[1]", "JSON object"),
                Arguments.of("no answerId", "{\"rating\":\"up\"}", "answerId is required"),
                Arguments.of("answerId a number", "{\"answerId\":7,\"rating\":\"up\"}", "answerId must be"),
                Arguments.of("answerId with a slash", "{\"answerId\":\"a/b\",\"rating\":\"up\"}", "answerId must be"),
                Arguments.of("no rating", "{\"answerId\":\"a-1\"}", "rating must be"),
                Arguments.of("rating 'meh'", "{\"answerId\":\"a-1\",\"rating\":\"meh\"}", "rating must be"),
                Arguments.of("rating 'UP'", "{\"answerId\":\"a-1\",\"rating\":\"UP\"}", "rating must be"),
                Arguments.of("comment a number", "{\"answerId\":\"a-1\",\"rating\":\"down\",\"comment\":3}", "comment must be a string"),
                Arguments.of("comment too long", "{\"answerId\":\"a-1\",\"rating\":\"down\",\"comment\":\"" + longComment + "\"}",
                        "at most " + FeedbackService.MAX_COMMENT_CHARS),
                Arguments.of("comment with a control character", "{\"answerId\":\"a-1\",\"rating\":\"down\",\"comment\":\"a\\u0007b\"}",
                        "control characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void should_answer_400_naming_the_problem(String name, String body, String mentions) {
        Response r = server.postJson("/api/feedback", body);
        assertEquals(400, r.status(), r.toString());
        assertEquals("invalid_request", r.json().path("error").path("code").asText());
        assertTrue(r.json().path("error").path("message").asText().contains(mentions), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void should_answer_415_for_a_body_that_is_not_json() {
        Response r = server.post("/api/feedback", "text/plain", "up".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, r.status(), r.toString());
        assertEquals("unsupported_media_type", r.json().path("error").path("code").asText());
    }

    @Test
    void should_list_feedback_only_for_an_admin_key() {
        assertEquals(401, server.get("/api/feedback").status());
        Response wrong = TestServer.sendWithNewClient(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/feedback"))
                .header("Authorization", "Bearer not-the-admin").GET());
        assertEquals(403, wrong.status(), wrong.toString());
        assertEquals("forbidden", wrong.json().path("error").path("code").asText());
        assertEquals(400, adminGet(server.baseUrl(), "/api/feedback?since=yesterday").status());
        assertEquals(400, adminGet(server.baseUrl(), "/api/feedback?limit=0").status());
        assertEquals(400, adminGet(server.baseUrl(), "/api/feedback?rating=meh").status());
        assertEquals(200, adminGet(server.baseUrl(), "/api/feedback?since=2020-01-01&limit=5").status());
    }

    @Test
    void should_report_the_database_in_health() {
        JsonNode db = server.get("/health").json().path("database");
        assertEquals("sqlite", db.path("kind").asText(), db.toString());
        assertEquals("up", db.path("state").asText(), db.toString());
        assertTrue(Files.exists(dataDir.resolve(Database.SQLITE_FILE)), "the database is a file under ADVISOR_DATA_DIR");
    }

    @Test
    void should_answer_503_without_a_database_and_still_chat() {
        try (TestServer none = TestServer.start(TestServer.config(AppConfig.Retrieval.KEYWORD, TestServer.SHARED_CACHE_DIR,
                Map.of("ADVISOR_DATA_DIR", "")))) {
            Response chat = none.chat("fastify vs nestjs?");
            assertEquals(200, chat.status());
            Response r = rate(none, chat.json().path("answerId").asText(), "up", null);
            assertEquals(503, r.status(), r.toString());
            assertEquals("feedback_unavailable", r.json().path("error").path("code").asText());
            assertEquals("off", none.get("/health").json().path("database").path("state").asText());
        }
    }

    /** {@code advisor_feedback_total{rating="down"}} as /metrics shows it. */
    static double downCount(TestServer s) {
        Matcher m = Pattern.compile("(?m)^advisor_feedback_total\\{rating=\"down\"} (\\S+)$").matcher(s.get("/metrics").body());
        assertTrue(m.find(), "advisor_feedback_total{rating=\"down\"} is exported");
        return Double.parseDouble(m.group(1));
    }

    static JsonNode find(JsonNode items, String answerId) {
        for (JsonNode n : items) {
            if (n.path("answerId").asText().equals(answerId)) {
                return n;
            }
        }
        throw new AssertionError("no rating of " + answerId + " in " + items);
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
