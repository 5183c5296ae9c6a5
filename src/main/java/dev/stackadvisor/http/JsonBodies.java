package dev.stackadvisor.http;

import io.javalin.http.Context;
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
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type",
                    "Content-Type must be application/json (got " + (type == null ? "none" : type) + ")");
        }
        int max = rc.config().maxBodyBytes();
        if (ctx.contentLength() > max) {
            throw tooLarge(max);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > max) {
            throw tooLarge(max);
        }
        return body;
    }

    /** A validated {@code /api/chat} body. */
    static ChatRequest chatRequest(Context ctx, RouteContext rc) {
        return ChatRequest.parse(read(ctx, rc), rc.json());
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "payload_too_large", "request body must be at most " + max + " bytes");
    }
}
