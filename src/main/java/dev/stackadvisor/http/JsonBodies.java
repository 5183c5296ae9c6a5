package dev.stackadvisor.http;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading JSON request bodies with the size and media-type rules every JSON route shares. */
final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The raw body of a JSON request.
     *
     * @throws ApiException 415 when the Content-Type is not application/json, 413 when over the size limit
     */
    static byte[] read(Context ctx, RouteContext rc) {
        return read(ctx, rc.config().maxBodyBytes());
    }

    /**
     * The raw body of a JSON request of at most {@code max} bytes.
     *
     * @throws ApiException 415 ({@code unsupported_media_type}) when the Content-Type is not application/json,
     *                      413 ({@code payload_too_large}) when the declared or actual length is over {@code max}
     */
    static byte[] read(Context ctx, int max) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type",
                    "Content-Type must be application/json (got " + (type == null ? "none" : type) + ")");
        }
        if (ctx.contentLength() > max) {
            throw tooLarge(max);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > max) {
            throw tooLarge(max);
        }
        return body;
    }

    /**
     * Rejects bytes that are not well-formed UTF-8 (overlong forms, stray continuation bytes, encoded
     * surrogates), which a lenient parser would turn into something else.
     *
     * @throws ApiException 400
     */
    static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("request body is not valid UTF-8");
        }
    }

    /** A validated {@code /api/chat} body. */
    static ChatRequest chatRequest(Context ctx, RouteContext rc) {
        return parseChat(read(ctx, rc), rc.json());
    }

    /**
     * Parses and validates a {@code /api/chat} body: well-formed UTF-8, then {@link ChatRequest#parse}.
     *
     * @throws ApiException 400 naming what is wrong
     */
    static ChatRequest parseChat(byte[] body, com.fasterxml.jackson.databind.ObjectMapper json) {
        requireUtf8(body);
        return ChatRequest.parse(body, json);
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "payload_too_large", "request body must be at most " + max + " bytes");
    }
}
