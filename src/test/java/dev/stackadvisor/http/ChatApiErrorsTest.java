package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.ServerExtension;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error contract of DESIGN.md against the real server: each client mistake gets its exact status, a
 * stable {@code error.code}, a message that names what to fix, a JSON body, and never a stack trace.
 */
@Timeout(120) // a hung request fails the test instead of the build
@EndToEnd
class ChatApiErrorsTest {

    private static final String JSON = "application/json";
    /** The default {@code ADVISOR_MAX_BODY_BYTES}. */
    private static final int MAX_BODY = 16 * 1024;

    @RegisterExtension
    static final ServerExtension server = ServerExtension.shared(AppConfig.Retrieval.HYBRID);

    /** One bad request and what the server must say about it. */
    record BadRequest(String name, String contentType, byte[] body, int status, String code, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static BadRequest json(String name, String body, String mentions) {
        return new BadRequest(name, JSON, body.getBytes(StandardCharsets.UTF_8), 400, "invalid_request", mentions);
    }

    static Stream<Arguments> badChatRequests() {
        return Stream.of(
                json("empty body", "", "body"),
                json("invalid JSON", "{\"message\":", "JSON"),
                json("JSON array", "[\"FastAPI or NestJS?\"]", "message"),
                json("JSON string", "\"FastAPI or NestJS?\"", "message"),
                json("missing message", "{}", "message"),
                json("null message", "{\"message\": null}", "message"),
                json("numeric message", "{\"message\": 42}", "message"),
                json("object message", "{\"message\": {\"text\": \"FastAPI?\"}}", "message"),
                json("blank message", "{\"message\": \"   \"}", "message"),
                json("message of 4001 chars", TestServer.toJson(Map.of("message", "a".repeat(4001))), "message"),
                json("path-like sessionId", "{\"message\": \"FastAPI or NestJS?\", \"sessionId\": \"../etc/passwd\"}", "sessionId"),
                json("sessionId of 129 chars",
                        TestServer.toJson(Map.of("message", "FastAPI or NestJS?", "sessionId", "s".repeat(129))), "sessionId"),
                json("empty sessionId", "{\"message\": \"FastAPI or NestJS?\", \"sessionId\": \"\"}", "sessionId"),
                json("numeric sessionId", "{\"message\": \"FastAPI or NestJS?\", \"sessionId\": 42}", "sessionId"),
                json("topK 0", "{\"message\": \"FastAPI or NestJS?\", \"topK\": 0}", "topK"),
                json("topK 21", "{\"message\": \"FastAPI or NestJS?\", \"topK\": 21}", "topK"),
                json("topK as string", "{\"message\": \"FastAPI or NestJS?\", \"topK\": \"5\"}", "topK"),
                json("fractional topK", "{\"message\": \"FastAPI or NestJS?\", \"topK\": 2.5}", "topK"),
                json("huge topK", "{\"message\": \"FastAPI or NestJS?\", \"topK\": 99999999999}", "topK"),
                new BadRequest("text/plain body", "text/plain", "{\"message\": \"FastAPI?\"}".getBytes(StandardCharsets.UTF_8),
                        415, "unsupported_media_type", "Content-Type"),
                new BadRequest("form body", "application/x-www-form-urlencoded", "message=FastAPI".getBytes(StandardCharsets.UTF_8),
                        415, "unsupported_media_type", "Content-Type"),
                new BadRequest("no Content-Type", null, "{\"message\": \"FastAPI?\"}".getBytes(StandardCharsets.UTF_8),
                        415, "unsupported_media_type", "Content-Type"),
                new BadRequest("body one byte over 16 KiB", JSON, jsonOfSize(MAX_BODY + 1), 413, "payload_too_large", "bytes"),
                new BadRequest("body of 1 MiB", JSON, jsonOfSize(1024 * 1024), 413, "payload_too_large", "bytes")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badChatRequests")
    void should_reject_bad_chat_request_with_json_error(BadRequest bad) {
        // a body over the limit is refused unread, so send it the way curl does: reading while writing
        Response r = bad.status() == 413
                ? server.postRaw("/api/chat", bad.contentType(), bad.body())
                : server.post("/api/chat", bad.contentType(), bad.body());

        assertEquals(bad.status(), r.status(), () -> bad.name() + ": " + r);
        assertJsonError(r, bad.code());
        String message = r.json().path("error").path("message").asText("");
        assertTrue(message.contains(bad.mentions()),
                () -> bad.name() + ": error.message should mention '" + bad.mentions() + "': " + message);
    }

    @Test
    void should_reject_oversized_chunked_body_without_content_length() {
        // given a body over the limit streamed without a Content-Length, so only the bytes read can tell
        byte[] body = jsonOfSize(MAX_BODY * 4);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/chat"))
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        Response r = server.send(request);

        assertEquals(413, r.status(), r::toString);
        assertJsonError(r, "payload_too_large");
    }

    @Test
    void should_accept_body_of_exactly_the_limit() {
        // given a valid request padded with JSON white space to exactly 16 KiB: the limit is inclusive
        byte[] body = padded("{\"message\": \"FastAPI or NestJS?\"}", MAX_BODY);

        Response r = server.post("/api/chat", JSON, body);

        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().path("grounded").isBoolean(), r::toString);
    }

    @Test
    void should_accept_json_content_type_with_charset_and_any_case() {
        byte[] body = "{\"message\": \"FastAPI or NestJS?\"}".getBytes(StandardCharsets.UTF_8);

        Response withCharset = server.post("/api/chat", "application/json; charset=utf-8", body);
        Response upperCase = server.post("/api/chat", "Application/JSON", body);

        assertEquals(200, withCharset.status(), withCharset::toString);
        assertEquals(200, upperCase.status(), upperCase::toString);
    }

    @Test
    void should_return_json_404_for_unknown_route() {
        Response r = server.get("/api/nothing-here");

        assertEquals(404, r.status(), r::toString);
        assertJsonError(r, "not_found");
    }

    @Test
    void should_return_json_404_for_unknown_post_route() {
        Response r = server.postJson("/api/chats", "{\"message\": \"FastAPI?\"}");

        assertEquals(404, r.status(), r::toString);
        assertJsonError(r, "not_found");
    }

    @Test
    void should_return_json_client_error_for_get_on_chat() {
        Response r = server.get("/api/chat");

        // Javalin answers a known path with the wrong method with 404 unless told to prefer 405; either is
        // acceptable as long as it is the JSON error contract with the matching code.
        assertTrue(r.status() == 404 || r.status() == 405, r::toString);
        assertJsonError(r, r.status() == 405 ? "method_not_allowed" : "not_found");
    }

    @Test
    void should_return_not_found_for_framework_the_lexicon_does_not_know() {
        Response r = server.get("/api/frameworks/unknownthing");

        assertEquals(404, r.status(), r::toString);
        assertJsonError(r, "not_found");
        assertTrue(r.json().path("error").path("message").asText().contains("unknownthing"), r::toString);
    }

    @Test
    void should_return_not_covered_for_known_framework_the_sources_do_not_discuss() {
        Response r = server.get("/api/frameworks/hono");

        assertEquals(404, r.status(), r::toString);
        assertJsonError(r, "not_covered");
        assertTrue(r.json().path("error").path("message").asText().contains("Hono"), r::toString);
    }

    /** The error contract: JSON content type, {@code {"error": {"code", "message"}}}, no stack trace. */
    private static void assertJsonError(Response r, String code) {
        assertTrue(r.contentType().startsWith("application/json"), () -> "not a JSON content type: " + r);
        JsonNode error = r.json().path("error");
        assertTrue(error.isObject(), () -> "no error object: " + r);
        assertEquals(code, error.path("code").asText(null), r::toString);
        assertTrue(error.path("message").isTextual(), () -> "error.message is not a string: " + r);
        assertFalse(error.path("message").asText().isBlank(), () -> "error.message is blank: " + r);
        assertFalse(r.body().contains("Exception"), () -> "stack trace or exception name leaked: " + r);
        assertFalse(r.body().contains("at dev."), () -> "stack trace leaked: " + r);
        assertFalse(r.body().contains("\tat "), () -> "stack trace leaked: " + r);
        assertFalse(r.body().contains("com.fasterxml"), () -> "parser internals leaked: " + r);
    }

    /** A syntactically valid chat request of exactly {@code size} bytes (the message is too long anyway). */
    private static byte[] jsonOfSize(int size) {
        String prefix = "{\"message\": \"";
        String suffix = "\"}";
        return (prefix + "a".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] padded(String json, int size) {
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }
}
