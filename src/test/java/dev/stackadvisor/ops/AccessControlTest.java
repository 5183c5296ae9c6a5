package dev.stackadvisor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** API keys, rate limits and CORS, through the real server. */
@Timeout(120)
@EndToEnd
class AccessControlTest {

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private TestServer start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString(),
                "ADVISOR_RETRIEVAL", "keyword", "PORT", "0", "ADVISOR_WARMUP_SECONDS", "0"));
        env.putAll(extra);
        server = TestServer.start(AppConfig.fromEnv(env));
        return server;
    }

    private TestServer.Response chat(String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"fastify vs nestjs?\"}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return server.send(b);
    }

    private TestServer.Response get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return server.send(b);
    }

    @Test
    void should_require_a_valid_key_on_the_api_when_keys_are_set() {
        start(Map.of("ADVISOR_API_KEYS", "key-one,key-two"));

        for (String bad : new String[] {null, "Bearer", "Bearer wrong", "Basic a2V5LW9uZQ==", "Bearer key-one2", "Bearer key-on"}) {
            TestServer.Response r = chat(bad);
            assertEquals(401, r.status(), bad + ": " + r);
            assertEquals("unauthorized", r.json().path("error").path("code").asText());
            assertEquals(401, get("/api/sources", bad).status());
            assertEquals(401, get("/v1/models", bad).status());
        }
        assertEquals(200, chat("Bearer key-one").status());
        assertEquals(200, chat("bearer key-two").status());
        assertEquals(200, get("/api/sources", "Bearer key-two").status());
        // open without a key: liveness, readiness, metrics and the widget
        for (String open : new String[] {"/health", "/ready", "/metrics", "/", "/widget.js"}) {
            assertEquals(200, get(open, null).status(), open);
        }
    }

    @Test
    void should_limit_each_key_to_its_rate_with_retry_after() {
        start(Map.of("ADVISOR_API_KEYS", "key-one,key-two", "ADVISOR_RATE_LIMIT_PER_MINUTE", "3"));

        for (int i = 0; i < 3; i++) {
            assertEquals(200, chat("Bearer key-one").status(), "request " + (i + 1));
        }
        TestServer.Response limited = chat("Bearer key-one");
        assertEquals(429, limited.status(), limited.toString());
        assertEquals("rate_limited", limited.json().path("error").path("code").asText());
        String retryAfter = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer key-one")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"x\"}"))).headers().getOrDefault("Retry-After", "");
        assertTrue(retryAfter.matches("\\d+") && Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, retryAfter);
        assertEquals(200, chat("Bearer key-two").status(), "another key has its own bucket");
        assertEquals(200, get("/health", null).status(), "health is never limited");
    }

    @Test
    void should_limit_by_client_ip_without_keys() {
        start(Map.of("ADVISOR_RATE_LIMIT_PER_MINUTE", "2"));
        assertEquals(200, chat(null).status());
        assertEquals(200, chat(null).status());
        assertEquals(429, chat(null).status());
    }

    @Test
    void should_allow_only_configured_origins() {
        start(Map.of("ADVISOR_CORS_ORIGINS", "https://docs.example.com"));
        HttpRequest.Builder preflight = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat/stream"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://docs.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
        TestServer.Response ok = server.send(preflight);
        assertEquals("https://docs.example.com", ok.headers().getOrDefault("Access-Control-Allow-Origin", ""), ok.headers().toString());

        TestServer.Response other = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat"))
                .header("Origin", "https://evil.example.net").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"fastify vs nestjs?\"}")));
        assertEquals("", other.headers().getOrDefault("Access-Control-Allow-Origin", ""), "no CORS grant for an unknown origin");
    }

    @Test
    void should_send_no_cors_headers_by_default() {
        start(Map.of());
        TestServer.Response r = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat"))
                .header("Origin", "https://docs.example.com").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"fastify vs nestjs?\"}")));
        assertEquals(200, r.status());
        assertEquals("", r.headers().getOrDefault("Access-Control-Allow-Origin", ""));
    }
}
