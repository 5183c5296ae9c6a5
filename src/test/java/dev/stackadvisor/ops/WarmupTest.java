package dev.stackadvisor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.testing.DocumentClient;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.ServerProcess;
import dev.stackadvisor.testing.TempCorpus;
import dev.stackadvisor.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Warm before ready (issue 22), end to end: the server as production starts it ({@code Main serve}, a separate JVM),
 * hybrid, with the real corpus and model. With a warm-up budget {@code /ready} answers 503 while {@code /health}
 * reports the warm-up's progress, then 200 once it is done, having asked questions and left no session or answer
 * metric behind; a document uploaded meanwhile is answered from a snapshot warmed before the swap. With
 * {@code ADVISOR_WARMUP_SECONDS=0} it is ready at once.
 */
@EndToEnd
class WarmupTest {

    private static final String ADMIN_KEY = "warmup-admin-key";

    private static TestServer.Response get(ServerProcess server, String path) {
        return TestServer.sendWithNewClient(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
    }

    private static Map<String, String> env(TempCorpus dir, String warmupSeconds) {
        return Map.of("ADVISOR_CORPUS_DIR", dir.corpus().toString(), "ADVISOR_CACHE_DIR", dir.cache().toString(),
                "ADVISOR_RETRIEVAL", "hybrid", "ADVISOR_WARMUP_SECONDS", warmupSeconds, "ADVISOR_ADMIN_KEYS", ADMIN_KEY);
    }

    @Test
    void should_answer_503_while_warming_show_progress_then_turn_ready_with_questions_asked() throws Exception {
        try (TempCorpus dir = TempCorpus.create()) {
            ServerProcess server = ServerProcess.start(env(dir, "8"), Duration.ofSeconds(180));
            try {
                // given a server whose indexes are loaded ("listening" is printed before the warm-up starts)
                // when /ready and /health are polled until it is ready
                List<JsonNode> notReady = new ArrayList<>();
                Set<Integer> readyStatuses = new java.util.TreeSet<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline) {
                    JsonNode health = get(server, "/health").json();
                    TestServer.Response ready = get(server, "/ready");
                    readyStatuses.add(ready.status());
                    if (ready.status() == 200) {
                        break;
                    }
                    assertEquals(503, ready.status(), ready.toString());
                    assertEquals("not_ready", ready.json().path("error").path("code").asText(), ready.toString());
                    notReady.add(health);
                    Thread.sleep(50);
                }
                // then it was not ready, and said it was warming, with its progress
                assertTrue(readyStatuses.contains(503), "never saw /ready answer 503");
                assertTrue(readyStatuses.contains(200), "not ready within 90 s: " + notReady.get(notReady.size() - 1));
                JsonNode warming = notReady.stream().filter(h -> h.path("warmup").path("questions").asLong() > 0)
                        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no /health showed questions asked "
                                + "while not ready: " + notReady.get(notReady.size() - 1)));
                assertFalse(warming.path("ready").asBoolean(), warming.toString());
                assertEquals("warming", warming.path("warmup").path("state").asText(), warming.toString());
                assertEquals(1, warming.path("warmup").path("generation").asLong(), warming.toString());
                assertTrue(warming.path("warmup").path("elapsedMs").asLong() >= 0, warming.toString());
                assertTrue(warming.path("warmup").path("lastBatchMs").asDouble() > 0, warming.toString());
                assertTrue(warming.path("warmup").path("lastBatchCpuMs").asDouble() > 0, warming.toString());
                assertTrue(warming.path("warmup").path("jitShare").isNumber(), warming.toString()); // HotSpot times its JIT

                // and once ready, the warm-up is done, having asked questions, and no user traffic was recorded
                JsonNode health = get(server, "/health").json();
                JsonNode warmup = health.path("warmup");
                assertTrue(health.path("ready").asBoolean(), health.toString());
                assertEquals("done", warmup.path("state").asText(), health.toString());
                assertTrue(warmup.path("questions").asLong() > 0, health.toString());
                assertTrue(warmup.path("questions").asLong() >= warming.path("warmup").path("questions").asLong(), health.toString());
                assertTrue(Set.of("plateau", "budget").contains(warmup.path("stoppedBy").asText()), health.toString());
                assertEquals(8, warmup.path("budgetSeconds").asInt(), health.toString());
                assertEquals(0, health.path("sessions").asInt(), "the warm-up kept conversations: " + health);
                String metrics = get(server, "/metrics").body();
                assertFalse(metrics.contains("advisor_answers_total{"), "the warm-up counted answers");
                // its questions went through our own POST /api/chat (http.LoopbackAsker), timed apart from traffic
                assertFalse(metrics.contains("route=\"/api/chat\""), "the warm-up's requests were counted as traffic");
                assertEquals(200, server.chat("fastify vs nestjs?", null).status());

                // when a document is uploaded, its snapshot is warmed before it answers
                TestServer.Response upload = TestServer.sendWithNewClient(HttpRequest.newBuilder(
                                URI.create(server.baseUrl() + "/api/documents"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(DocumentClient.documentJson("warmup-note",
                                "A note on Fastify", "Fastify suits small JSON services well. It starts fast and "
                                        + "validates requests with JSON Schema."), StandardCharsets.UTF_8)));
                assertEquals(201, upload.status(), upload.toString());
                JsonNode after = get(server, "/health").json();
                assertEquals(2, after.path("indexGeneration").asLong(), after.toString());
                assertEquals(2, after.path("warmup").path("generation").asLong(), after.toString());
                assertEquals("done", after.path("warmup").path("state").asText(), after.toString());
                assertTrue(after.path("warmup").path("questions").asLong() > 0, after.toString());
            } finally {
                server.kill();
            }
        }
    }

    @Test
    void should_be_ready_at_once_without_a_warm_up() {
        try (TempCorpus dir = TempCorpus.create()) {
            ServerProcess server = ServerProcess.start(env(dir, "0"), Duration.ofSeconds(180));
            try {
                assertEquals(200, get(server, "/ready").status());
                JsonNode health = get(server, "/health").json();
                assertTrue(health.path("ready").asBoolean(), health.toString());
                assertEquals("off", health.path("warmup").path("state").asText(), health.toString());
                assertEquals(0, health.path("warmup").path("questions").asLong(), health.toString());
            } finally {
                server.kill();
            }
        }
    }
}
