package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.app.ServiceFactory;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up's own requests (issue 22), over real HTTP: a server wired as {@code Main} wires it, keyword
 * mode over the real corpus, with API keys, a rate limit of three requests a minute and a 2 s warm-up, not yet
 * ready.
 * A request carrying the process's {@link RehearsalKey} is answered before ready, without a key or a rate-limit
 * token, and leaves nothing behind that a user, {@code /metrics} or the feedback database sees; a wrong key makes an
 * ordinary request. {@link LoopbackAsker} then warms the server through that route and it turns ready.
 */
@EndToEnd
class RehearsalTest {

    private static final String KEY = "rehearsal-test-key";

    private static TestServer.Response post(String url, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return TestServer.sendWithNewClient(b);
    }

    private static TestServer.Response get(String url) {
        return TestServer.sendWithNewClient(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KEY)
                .GET());
    }

    @Test
    void should_answer_rehearsals_before_ready_apart_from_traffic_then_warm_through_them() throws Exception {
        Path data = Files.createTempDirectory("rehearsal-data");
        AppConfig config = TestServer.config(AppConfig.Retrieval.KEYWORD, TestServer.SHARED_CACHE_DIR, Map.of(
                "ADVISOR_WARMUP_SECONDS", "2", "ADVISOR_API_KEYS", KEY, "ADVISOR_ADMIN_KEYS", "rehearsal-admin",
                "ADVISOR_RATE_LIMIT_PER_MINUTE", "3", "ADVISOR_DATA_DIR", data.toString()));
        Services services = ServiceFactory.build(config);
        RehearsalKey rehearsals = RehearsalKey.random();
        Javalin app = HttpApi.create(config, () -> services, services.meters(), new Drain(), Optional.empty(), rehearsals)
                .start();
        String base = "http://127.0.0.1:" + app.port();
        String question = TestServer.chatJson("fastify or nestjs for a small JSON API?", null);
        try {
            // given a server that is loaded but not warmed
            assertFalse(services.library().ready());

            // when its own rehearsal asks, twice, with no API key
            TestServer.Response first = post(base + "/api/chat", question, Map.of(RehearsalKey.HEADER, rehearsals.value()));
            TestServer.Response second = post(base + "/api/chat", question, Map.of(RehearsalKey.HEADER, rehearsals.value()));

            // then both are answered, with citations
            assertEquals(200, first.status(), first.toString());
            assertEquals(200, second.status(), second.toString());
            assertFalse(first.json().path("citations").isEmpty(), first.toString());
            assertEquals(0, chatRequestsCounted(get(base + "/metrics").body()), "rehearsals were counted as requests");
            // and a wrong key is an ordinary request: no API key → 401; with one, not ready → 503
            String forged = "0".repeat(rehearsals.value().length());
            assertEquals(401, post(base + "/api/chat", question, Map.of(RehearsalKey.HEADER, forged)).status());
            TestServer.Response notReady = post(base + "/api/chat", question,
                    Map.of(RehearsalKey.HEADER, forged, "Authorization", "Bearer " + KEY));
            assertEquals(503, notReady.status(), notReady.toString());
            assertEquals("not_ready", notReady.json().path("error").path("code").asText(), notReady.toString());
            // and the key opens /api/chat only
            assertEquals(401, post(base + "/api/chat/stream", question, Map.of(RehearsalKey.HEADER, rehearsals.value()))
                    .status());

            long ordinary = chatRequestsCounted(get(base + "/metrics").body()); // the forged ones above

            // when the warm-up asks through the loopback route until its budget or a plateau, and the server turns ready
            services.library().warmUp(new LoopbackAsker("0.0.0.0", app.port(), rehearsals));
            assertTrue(services.library().ready());
            assertTrue(services.library().warmup().questions() > 2, services.library().warmup().toString());
            assertEquals("done", services.library().warmup().state(), services.library().warmup().toString());

            // then nothing of it is left where traffic is seen: no session, no request or answer metric
            assertEquals(0, services.chat().sessionCount());
            assertTrue(services.rehearsal().sessionCount() > 0);
            String metrics = get(base + "/metrics").body();
            assertEquals(ordinary, chatRequestsCounted(metrics), "the warm-up's requests were counted:\n" + metrics);
            assertFalse(metrics.contains("advisor_answers_total{"), "rehearsals were counted as answers");
            // nor in the feedback database: a rehearsal's answer cannot be rated
            TestServer.Response rating = post(base + "/api/feedback", "{\"answerId\": \"" + first.json().path("answerId")
                    .asText() + "\", \"rating\": \"down\"}", Map.of("Authorization", "Bearer " + KEY));
            assertEquals(404, rating.status(), rating.toString());
            // and the rehearsals took no rate-limit token: of three a minute, the 503 above and the rating took two, and
            // the first user question takes the last
            TestServer.Response user = post(base + "/api/chat", question, Map.of("Authorization", "Bearer " + KEY));
            assertEquals(200, user.status(), user.toString());
            assertEquals(1, services.chat().sessionCount());
        } finally {
            app.stop();
            services.feedback().ifPresent(f -> f.close());
        }
    }

    /** The sum of {@code http_server_requests_seconds_count} over every status of {@code POST /api/chat}. */
    private static long chatRequestsCounted(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                        && l.contains("route=\"/api/chat\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void should_reach_the_bound_interface_or_loopback_for_a_wildcard() {
        assertEquals("127.0.0.1", LoopbackAsker.authority("0.0.0.0"));
        assertEquals("127.0.0.1", LoopbackAsker.authority("::"));
        assertEquals("127.0.0.1", LoopbackAsker.authority(""));
        assertEquals("10.1.2.3", LoopbackAsker.authority("10.1.2.3"));
        assertEquals("[::1]", LoopbackAsker.authority("::1"));
    }
}
