package dev.stackadvisor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Metrics after traffic, request ids in responses and logs, no secret in logs, the cache hit paths. */
@Timeout(180)
@EndToEnd
class ObservabilityTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private TestServer server;

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        if (server != null) {
            server.stop();
        }
    }

    private TestServer start(AppConfig.Retrieval mode, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString(),
                "ADVISOR_RETRIEVAL", mode.name().toLowerCase(), "PORT", "0", "ADVISOR_WARMUP_SECONDS", "0",
                "ADVISOR_CACHE_DIR", TestServer.SHARED_CACHE_DIR.toString()));
        env.putAll(extra);
        server = TestServer.start(AppConfig.fromEnv(env));
        return server;
    }

    private TestServer.Response chat(String message, String session, String requestId) {
        Map<String, Object> body = new HashMap<>(Map.of("message", message));
        if (session != null) {
            body.put("sessionId", session);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.toJson(body)));
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        return server.send(b);
    }

    private static double metric(String scrape, String name, String labelsContain) {
        double sum = 0;
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        while (m.find()) {
            if (m.group(1) == null ? labelsContain.isEmpty() : m.group(1).contains(labelsContain)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void should_expose_request_and_answer_metrics_after_traffic() {
        start(AppConfig.Retrieval.KEYWORD, Map.of());
        chat("fastify vs nestjs?", null, null);
        chat("what is the capital of France?", null, null);
        server.get("/api/frameworks/nest");
        server.get("/no/such/route");

        String scrape = server.get("/metrics").body();

        assertTrue(metric(scrape, "http_server_requests_seconds_count", "route=\"/api/chat\",status=\"200\"") >= 2, scrape);
        assertTrue(metric(scrape, "http_server_requests_seconds_count", "route=\"/api/frameworks/{name}\"") >= 1);
        assertTrue(metric(scrape, "http_server_requests_seconds_count", "route=\"unmatched\",status=\"404\"") >= 1);
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{"), "latency histogram");
        assertTrue(metric(scrape, "advisor_answers_total", "grounded=\"true\"") >= 1);
        assertTrue(metric(scrape, "advisor_answers_total", "grounded=\"false\"") >= 1, "refusals are counted");
        assertTrue(metric(scrape, "advisor_retrieval_seconds_count", "") >= 2);
        assertTrue(scrape.contains("advisor_answer_seconds_count{mode=\"extractive\"}"));
        assertTrue(scrape.contains("cache_gets_total{cache=\"answers\""));
    }

    @Test
    void should_accept_echo_or_generate_the_request_id_and_log_it() {
        start(AppConfig.Retrieval.KEYWORD, Map.of());

        TestServer.Response given = chat("fastify vs nestjs?", null, "trace-abc.123");
        assertEquals("trace-abc.123", given.headers().get("X-Request-Id"));
        TestServer.Response invalid = chat("fastify vs nestjs?", null, "not/valid");
        assertNotEquals("not/valid", invalid.headers().get("X-Request-Id"), "an id with a slash is replaced");
        TestServer.Response generated = chat("fastify vs nestjs?", null, null);
        assertTrue(generated.headers().getOrDefault("X-Request-Id", "").matches("[0-9a-f-]{36}"), generated.headers().toString());

        List<ILoggingEvent> ofRequest = logs.list.stream()
                .filter(e -> "trace-abc.123".equals(e.getMDCPropertyMap().get("requestId"))).toList();
        assertFalse(ofRequest.isEmpty(), "the request's log lines carry its id");
        assertTrue(ofRequest.stream().anyMatch(e -> e.getFormattedMessage().startsWith("POST /api/chat 200")),
                ofRequest.stream().map(ILoggingEvent::getFormattedMessage).toList().toString());
    }

    @Test
    void should_never_log_keys_tokens_or_secrets() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        start(AppConfig.Retrieval.KEYWORD, Map.of(
                "ADVISOR_API_KEYS", "sk-live-SECRET-ONE",
                "SLACK_SIGNING_SECRET", "slack-SECRET-TWO",
                "SLACK_BOT_TOKEN", "xoxb-SECRET-THREE",
                "LLM_PROVIDER", "openai", "LLM_BASE_URL", "http://127.0.0.1:" + closed + "/v1",
                "LLM_API_KEY", "llm-SECRET-FOUR", "LLM_TIMEOUT_MS", "500",
                "ADVISOR_PROMPTS_DIR", Path.of("prompts").toAbsolutePath().toString()));
        server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-live-SECRET-ONE")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"fastify vs nestjs?\"}")));
        server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer wrong-SECRET-FIVE")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"fastify vs nestjs?\"}")));
        server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Slack-Signature", "v0=SECRET-SIX")
                .header("X-Slack-Request-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .POST(HttpRequest.BodyPublishers.ofString("token=SECRET-SEVEN&text=hi")));

        assertFalse(logs.list.isEmpty());
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage());
            assertFalse(line.contains("SECRET"), "a secret reached the logs: " + line);
        }
    }

    @Test
    void should_serve_repeated_questions_from_the_caches() {
        start(AppConfig.Retrieval.HYBRID, Map.of());
        JsonNode first = chat("laravel or django for an ecommerce site?", null, null).json();
        JsonNode second = chat("Laravel or Django for an  ecommerce site?", null, null).json();
        assertEquals(first.path("answer"), second.path("answer"));
        assertEquals(first.path("citations"), second.path("citations"));
        String scrape = server.get("/metrics").body();
        assertTrue(metric(scrape, "cache_gets_total", "cache=\"answers\",result=\"hit\"") >= 1, scrape);

        // a follow-up is not answered from the answer cache, but its embedding is cached
        for (String session : new String[] {"cache-a", "cache-b"}) {
            chat("tell me about django", session, null);
            chat("is it good for an ecommerce site?", session, null);
        }
        scrape = server.get("/metrics").body();
        assertTrue(metric(scrape, "cache_gets_total", "cache=\"query_embeddings\",result=\"hit\"") >= 1, scrape);
    }
}
