package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing (jqwik) of everything that parses client input: the {@code /api/chat} body parser
 * directly (thousands of tries, milliseconds each), and every POST endpoint over HTTP, Slack's behind a valid
 * signature so their parsers are reached. Inputs are random bytes, random text, and valid requests mutated
 * (bytes flipped, cut, duplicated, nested). The properties: a 4xx or a success, never a 5xx, an unexpected
 * exception or a hang (each call bounded by the client's 30 s timeout). Bounded by the try counts, ~30 s in all.
 */
@Tag(EndToEnd.TAG) // jqwik reads its own Tag annotation, not JUnit's, so not @EndToEnd either
class RequestFuzzTest {

    private static final String SIGNING_SECRET = "fuzz-signing-secret";
    private static final List<String> SEEDS = List.of(
            "{\"message\": \"fastify vs nestjs?\", \"sessionId\": \"fuzz-1\", \"topK\": 5}",
            "{\"model\": \"stack-advisor\", \"messages\": [{\"role\": \"user\", \"content\": \"django or flask?\"}], \"stream\": false}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev1\", \"event\": {\"type\": \"app_mention\", \"text\": \"<@U1> rails?\", \"channel\": \"C1\", \"ts\": \"1.2\"}}",
            "{\"type\": \"url_verification\", \"challenge\": \"abc\"}",
            "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fadvisor&text=fastify+or+nestjs&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1");

    private static TestServer server;
    private static final ObjectMapper JSON = HttpApi.objectMapper();

    @BeforeContainer
    static void start() {
        server = TestServer.start(AppConfig.fromEnv(Map.of("ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString(),
                "ADVISOR_RETRIEVAL", "keyword", "PORT", "0", "ADVISOR_WARMUP_SECONDS", "0", "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_BOT_TOKEN", "xoxb-fuzz", "SLACK_API_BASE_URL", "http://127.0.0.1:9/api")));
    }

    @AfterContainer
    static void stop() {
        server.stop();
    }

    @Property(tries = 3000)
    void chat_body_parser_accepts_or_rejects_with_a_400(@ForAll("bodies") byte[] body) {
        try {
            ChatRequest r = JsonBodies.parseChat(body, JSON);
            if (r.message() == null || r.message().isBlank() || r.message().length() > 4000) {
                throw new AssertionError("accepted an invalid message: " + r);
            }
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw new AssertionError("expected 400, got " + e.status(), e);
            }
        }
    }

    @Property(tries = 250)
    void no_endpoint_answers_a_5xx(@ForAll("bodies") byte[] body, @ForAll("paths") String path,
                                   @ForAll("contentTypes") String contentType) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (path.startsWith("/slack/")) {
            request.header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", sign(ts, body));
        }
        TestServer.Response r = server.send(request);
        if (r.status() >= 500) {
            throw new AssertionError(path + " answered " + r + " to " + new String(body, StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/api/chat", "/api/chat/stream", "/v1/chat/completions", "/slack/commands", "/slack/events");
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded",
                "text/plain", "application/octet-stream");
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 5), Arbitraries.bytes()).as(RequestFuzzTest::mutate);
        Arbitrary<byte[]> nested = Arbitraries.integers().between(1, 2000).map(d ->
                ("{\"message\": \"hi\", \"x\": " + "[".repeat(d) + "]".repeat(d) + "}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> wrongTypes = Arbitraries.of("{\"message\": null}", "{\"message\": []}", "{\"message\": {}}",
                "{\"message\": \"a\", \"topK\": \"5\"}", "{\"message\": \"a\", \"sessionId\": 7}", "[]", "null", "\"x\"", "{}",
                "{\"messages\": \"x\"}", "{\"model\": 5, \"messages\": [{}]}").map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, random), net.jqwik.api.Tuple.of(2, text), net.jqwik.api.Tuple.of(5, mutated),
                net.jqwik.api.Tuple.of(1, nested), net.jqwik.api.Tuple.of(1, wrongTypes));
    }

    /** A valid request with one edit: a byte replaced, the tail cut, a slice doubled, or braces inserted. */
    private static byte[] mutate(String seed, int position, int kind, byte value) {
        byte[] b = seed.getBytes(StandardCharsets.UTF_8);
        int at = position % b.length;
        return switch (kind) {
            case 0 -> {
                b[at] = value;
                yield b;
            }
            case 1 -> java.util.Arrays.copyOf(b, at);
            case 2 -> (seed.substring(0, Math.min(at, seed.length())) + seed).getBytes(StandardCharsets.UTF_8);
            case 3 -> (seed.substring(0, Math.min(at, seed.length())) + "{[\"" + seed.substring(Math.min(at, seed.length())))
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> seed.replace("fastify", "\\u0000\\ud800" + (char) (value & 0xff)).getBytes(StandardCharsets.UTF_8);
            default -> seed.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String sign(String ts, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
