package dev.stackadvisor.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.PostgresServer;
import dev.stackadvisor.testing.ServerProcess;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The feedback database as replicas and failures meet it: PostgreSQL shared by two replicas, ratings that survive
 * SIGKILL of the replica that acknowledged them (SQLite and PostgreSQL), and a PostgreSQL outage that costs feedback
 * (503) but never chat, and ends by itself. PostgreSQL comes from Debian's package ({@link PostgresServer}); without
 * it those tests are skipped, saying so.
 */
@Timeout(300)
@EndToEnd
class FeedbackDatabaseTest {

    /** Ratings given before the SIGKILL: enough that a lost tail would show. */
    private static final int RATINGS = 12;

    private static Map<String, String> env(Map<String, String> database) {
        Map<String, String> env = new HashMap<>();
        env.put("ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString());
        env.put("ADVISOR_CACHE_DIR", TestServer.SHARED_CACHE_DIR.toString());
        env.put("ADVISOR_RETRIEVAL", "keyword");
        env.put("ADVISOR_ADMIN_KEYS", FeedbackApiTest.ADMIN);
        env.put("PORT", "0");
        env.put("ADVISOR_WARMUP_SECONDS", "0"); // a TestServer never warms up
        env.putAll(database);
        return env;
    }

    private static TestServer replica(Map<String, String> database) {
        return TestServer.start(AppConfig.fromEnv(env(database)));
    }

    @Test
    void should_let_two_replicas_on_one_postgresql_see_each_others_feedback() {
        try (PostgresServer pg = PostgresServer.startOrSkip();
             TestServer a = replica(Map.of("ADVISOR_DATABASE_URL", pg.url()));
             TestServer b = replica(Map.of("ADVISOR_DATABASE_URL", pg.url()))) {
            // given an answer from replica a
            String answerId = a.chat("django or laravel for an ecommerce site?").json().path("answerId").asText();

            // when the user's rating reaches replica b
            Response rated = FeedbackApiTest.rate(b, answerId, "down", "rated through the other replica");

            // then b knows a's answer, and a lists b's rating
            assertEquals(201, rated.status(), rated.toString());
            JsonNode item = FeedbackApiTest.find(FeedbackApiTest.adminGet(a.baseUrl(), "/api/feedback").json()
                    .path("feedback"), answerId);
            assertEquals("rated through the other replica", item.path("comment").asText());
            assertEquals("postgresql", a.get("/health").json().path("database").path("kind").asText());
            assertEquals("1", pg.query("SELECT count(*) FROM feedback WHERE answer_id = '" + answerId + "'"));
        }
    }

    @Test
    void should_keep_every_acknowledged_rating_when_a_sqlite_replica_is_killed() throws IOException {
        String dir = Files.createTempDirectory("feedback-sigkill").toString();
        keepsRatingsThroughSigkill(Map.of("ADVISOR_DATA_DIR", dir));
    }

    @Test
    void should_keep_every_acknowledged_rating_when_a_postgresql_replica_is_killed() {
        try (PostgresServer pg = PostgresServer.startOrSkip()) {
            keepsRatingsThroughSigkill(Map.of("ADVISOR_DATABASE_URL", pg.url()));
        }
    }

    /** Rates {@link #RATINGS} answers on a server process, SIGKILLs it, and finds each rating on a new server. */
    private static void keepsRatingsThroughSigkill(Map<String, String> database) {
        ServerProcess process = ServerProcess.start(env(database), Duration.ofSeconds(120));
        Set<String> acknowledged = new HashSet<>();
        try {
            for (int i = 0; i < RATINGS; i++) {
                Response chat = process.chat("is flask good for a small service, take " + i + "?", null);
                String answerId = chat.json().path("answerId").asText();
                Response rated = post(process.baseUrl(), "/api/feedback", "{\"answerId\":\"" + answerId
                        + "\",\"rating\":\"" + (i % 2 == 0 ? "down" : "up") + "\",\"comment\":\"take " + i + "\"}");
                assertEquals(201, rated.status(), rated.toString());
                acknowledged.add(rated.json().path("feedbackId").asText());
            }
        } finally {
            assertEquals(137, process.kill(), "ended by SIGKILL");
        }
        try (TestServer after = replica(database)) {
            Response list = FeedbackApiTest.adminGet(after.baseUrl(), "/api/feedback?limit=1000");
            Set<String> stored = new HashSet<>();
            list.json().path("feedback").forEach(n -> stored.add(n.path("feedbackId").asText()));
            assertTrue(stored.containsAll(acknowledged), "every rating acknowledged with 201 is stored: missing "
                    + acknowledged.stream().filter(id -> !stored.contains(id)).toList());
        }
    }

    @Test
    void should_keep_chat_answering_while_postgresql_is_down_and_take_feedback_again_when_it_is_back()
            throws InterruptedException {
        try (PostgresServer pg = PostgresServer.startOrSkip();
             TestServer server = replica(Map.of("ADVISOR_DATABASE_URL", pg.url()))) {
            assertEquals(201, FeedbackApiTest.rate(server, server.chat("gin or echo?").json().path("answerId").asText(),
                    "up", null).status(), "feedback works before the outage");

            // when PostgreSQL stops
            pg.stop();

            // then chat answers, feedback is 503 feedback_unavailable and /health says the database is down
            List<Long> chatMs = new ArrayList<>();
            String answerId = null;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                Response chat = server.chat("fastify vs express, try " + i + "?");
                chatMs.add((System.nanoTime() - t0) / 1_000_000);
                assertEquals(200, chat.status(), chat.toString());
                assertTrue(chat.json().path("grounded").asBoolean(), chat.body());
                answerId = chat.json().path("answerId").asText();
            }
            assertTrue(chatMs.stream().allMatch(ms -> ms < 2_000), "chat does not wait for the database: " + chatMs);
            Response rated = FeedbackApiTest.rate(server, answerId, "down", null);
            assertEquals(503, rated.status(), rated.toString());
            assertEquals("feedback_unavailable", rated.json().path("error").path("code").asText());
            assertEquals("down", server.get("/health").json().path("database").path("state").asText());
            long counted = System.nanoTime();
            while (server.get("/metrics").body().lines().noneMatch(l -> l.startsWith(
                    "advisor_answers_unrecorded_total{reason=\"database_down\"}"))) {
                assertTrue(System.nanoTime() - counted < 15_000_000_000L, "lost answers are counted");
                Thread.sleep(200);
            }

            // when it is back, feedback works again without a restart
            pg.start();
            long back = System.nanoTime();
            while (!"up".equals(server.get("/health").json().path("database").path("state").asText())) {
                assertTrue(System.nanoTime() - back < 20_000_000_000L, "/health says the database is up within 20 s");
            }
            System.out.println("database up again after " + (System.nanoTime() - back) / 1_000_000 + " ms");
            String after = server.chat("fastify vs express?").json().path("answerId").asText();
            Response again = FeedbackApiTest.rate(server, after, "up", null);
            assertEquals(201, again.status(), again.toString());
        }
    }

    private static Response post(String baseUrl, String path, String json) {
        return TestServer.sendWithNewClient(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

}
