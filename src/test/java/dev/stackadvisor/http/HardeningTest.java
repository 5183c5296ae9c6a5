package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.ServerExtension;
import dev.stackadvisor.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile bodies each get a 4xx JSON error, never a 5xx or a hang. */
@Timeout(120)
@EndToEnd
class HardeningTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.shared(AppConfig.Retrieval.KEYWORD);

    static Stream<Arguments> hostile() {
        String deep = "{\"message\": \"hi\", \"x\": " + "[".repeat(200) + "]".repeat(200) + "}";
        return Stream.of(
                Arguments.of("nested 200 deep", deep.getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("NUL in message", "{\"message\": \"fastify\\u0000 vs nestjs\"}".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("escape char in message", "{\"message\": \"fastify \\u001b[31m vs nestjs\"}".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("lone surrogate", "{\"message\": \"fastify \\ud800 vs nestjs\"}".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("invalid UTF-8", concat("{\"message\": \"fastify ", new byte[] {(byte) 0xC3, (byte) 0x28}, " vs nestjs\"}"), 400, "invalid_request"),
                Arguments.of("overlong UTF-8", concat("{\"message\": \"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"), 400, "invalid_request"),
                Arguments.of("huge number", "{\"message\": \"hi\", \"topK\": 1e99999}".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("path-like session", "{\"message\": \"hi\", \"sessionId\": \"../../etc/passwd\"}".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("session with newline", "{\"message\": \"hi\", \"sessionId\": \"a\\nb\"}".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("17 KiB", ("{\"message\": \"" + "a".repeat(17 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), 413, "payload_too_large"),
                Arguments.of("trailing garbage", "{\"message\": \"hi\"} {".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"),
                Arguments.of("duplicate keys", "{\"message\": \"hi\", \"message\": 5}".getBytes(StandardCharsets.UTF_8), 400, "invalid_request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void should_answer_hostile_bodies_with_a_json_4xx(String name, byte[] body, int status, String code) {
        for (String path : new String[] {"/api/chat", "/api/chat/stream"}) {
            TestServer.Response r = status == 413
                    ? server.postRaw(path, "application/json", body)
                    : server.post(path, "application/json", body);
            assertEquals(status, r.status(), path + " " + r);
            assertEquals(code, r.json().path("error").path("code").asText(), r.toString());
            assertFalse(r.body().contains("Exception") || r.body().contains("at dev."), r.body());
        }
    }

    private static byte[] concat(String a, byte[] middle, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = b.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + middle.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(middle, 0, out, x.length, middle.length);
        System.arraycopy(z, 0, out, x.length + middle.length, z.length);
        return out;
    }
}
