package dev.stackadvisor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code feedback export}: ratings given to a running server come out as JSON Lines in the eval format, which the
 * eval runner reads back; the filters work, and bad usage says how to call it.
 */
@Timeout(120)
@EndToEnd
class FeedbackExportTest {

    private static AppConfig config;
    private static TestServer server;
    private static String downId;
    private static String upId;

    @BeforeAll
    static void rateTwoAnswers() throws IOException {
        Path data = Files.createTempDirectory("feedback-export");
        config = TestServer.config(AppConfig.Retrieval.KEYWORD, TestServer.SHARED_CACHE_DIR,
                Map.of("ADVISOR_DATA_DIR", data.toString()));
        server = TestServer.start(config);
        server.chat("tell me about django", "s-export-follow-up");
        Response followUp = server.chat("and its limitations?", "s-export-follow-up");
        downId = followUp.json().path("answerId").asText();
        assertEquals(201, rate(downId, "down", "should mention the ORM's weight").status());
        upId = server.chat("fastify vs nestjs?").json().path("answerId").asText();
        assertEquals(201, rate(upId, "up", null).status());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Response rate(String answerId, String rating, String comment) {
        return server.postJson("/api/feedback", TestServer.toJson(comment == null
                ? Map.of("answerId", answerId, "rating", rating)
                : Map.of("answerId", answerId, "rating", rating, "comment", comment)));
    }

    /** Runs the command; returns exit code, stdout and stderr. */
    private static String[] export(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FeedbackCommand.run(config, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void should_export_down_ratings_as_eval_cases_the_eval_runner_reads() throws IOException {
        String[] r = export("export", "--rating", "down");

        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        JsonNode c = lines.stream().map(FeedbackExportTest::json)
                .filter(n -> n.path("id").asText().equals("fb-" + downId)).findFirst()
                .orElseThrow(() -> new AssertionError("no case for " + downId + " in " + r[1]));
        assertTrue(lines.stream().noneMatch(l -> l.contains(upId)), "only down ratings: " + r[1]);
        assertEquals(List.of("tell me about django", "and its limitations?"),
                List.of(c.path("turns").get(0).asText(), c.path("turns").get(1).asText()));
        assertEquals("Django", c.path("frameworks").get(0).asText(), c.toString());
        assertTrue(c.path("sources").size() > 0 && c.path("sources").get(0).asText().matches("[A-Za-z0-9_-]+"), c.toString());
        assertTrue(c.path("note").asText().contains("should mention the ORM's weight"), c.toString());
        assertEquals("followup", c.path("kind").asText());
        assertTrue(c.path("must_include_any").isArray() && c.path("must_not_include").isArray(), c.toString());

        Path file = Files.createTempFile("feedback", ".jsonl");
        Files.writeString(file, r[1]);
        List<EvalRunner.Case> cases = EvalRunner.read(file);
        EvalRunner.Case read = cases.stream().filter(k -> k.id().equals("fb-" + downId)).findFirst().orElseThrow();
        assertEquals(List.of("tell me about django", "and its limitations?"), read.turns());
        assertEquals(List.of("Django"), read.frameworks());
    }

    @Test
    void should_filter_by_date_and_export_both_ratings_by_default() {
        String[] all = export("export");
        assertEquals("0", all[0], all[2]);
        assertTrue(all[1].contains("fb-" + downId) && all[1].contains("fb-" + upId), all[1]);
        String[] future = export("export", "--since", "2999-01-01");
        assertEquals("0", future[0], future[2]);
        assertEquals("", future[1]);
        String[] past = export("export", "--since", "2020-01-01T00:00:00Z", "--rating", "up");
        assertTrue(past[1].contains("fb-" + upId) && !past[1].contains(downId), past[1]);
    }

    @Test
    void should_say_how_to_call_it_on_bad_usage() {
        for (String[] args : List.of(new String[] {}, new String[] {"import"}, new String[] {"export", "--rating", "meh"},
                new String[] {"export", "--since", "last week"}, new String[] {"export", "--rating"},
                new String[] {"export", "--format", "csv"})) {
            String[] r = export(args);
            assertEquals("2", r[0], String.join(" ", args));
            assertTrue(r[2].contains("usage: java -jar stack-advisor.jar feedback export"), r[2]);
            assertEquals("", r[1], "nothing on stdout");
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
