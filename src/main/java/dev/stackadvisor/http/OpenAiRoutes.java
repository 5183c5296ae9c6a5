package dev.stackadvisor.http;

import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.index.OverloadedException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible API, so any OpenAI client library can ask Stack Advisor with its base URL set to
 * {@code http://host:port/v1}: {@code GET /v1/models}, {@code GET /v1/models/{model}} and
 * {@code POST /v1/chat/completions} (JSON or, with {@code "stream": true}, server-sent chunks). The one model is
 * {@value OpenAiRequest#MODEL}; any API key is accepted. Errors use OpenAI's shape
 * ({@link OpenAiException}). Handlers parse, call the chat layer, respond.
 */
final class OpenAiRoutes {

    private static final Logger log = LoggerFactory.getLogger(OpenAiRoutes.class);

    private final RouteContext rc;
    private final Clock clock;
    private final long startedAt;
    private final SecureRandom random = new SecureRandom();

    private OpenAiRoutes(RouteContext rc, Clock clock) {
        this.rc = rc;
        this.clock = clock;
        this.startedAt = clock.instant().getEpochSecond();
    }

    static void register(JavalinConfig c, RouteContext rc) {
        OpenAiRoutes h = new OpenAiRoutes(rc, Clock.systemUTC());
        c.routes.get("/v1/models", h::models);
        c.routes.get("/v1/models/{model}", h::model);
        c.routes.post("/v1/chat/completions", h::completions);
        c.routes.exception(OpenAiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
    }

    void models(Context ctx) {
        ctx.json(OpenAiCompletion.models(startedAt));
    }

    void model(Context ctx) {
        String name = ctx.pathParam("model");
        if (!name.equals(OpenAiRequest.MODEL)) {
            throw new OpenAiException(404, OpenAiException.INVALID_REQUEST, "model", "model_not_found",
                    "The model '" + name + "' does not exist; this server serves \"" + OpenAiRequest.MODEL + "\"");
        }
        ctx.json(OpenAiCompletion.model(startedAt));
    }

    /**
     * One turn. Non-streamed: a {@code chat.completion}. Streamed: {@link OpenAiStreamWriter}'s chunks; input
     * errors are plain OpenAI-shaped 4xx JSON before the stream starts, a failure after it an error chunk.
     */
    void completions(Context ctx) throws IOException {
        OpenAiRequest request = OpenAiRequest.parse(body(ctx), rc.json());
        Services s = ready();
        String id = "chatcmpl-" + newId();
        long created = clock.instant().getEpochSecond();
        if (!request.stream()) {
            ChatReply reply = s.chat().chat(request.earlier(), request.question(), ChatService.DEFAULT_TOP_K, null);
            ctx.json(OpenAiCompletion.completion(id, created, reply.answer(), request.promptChars(), reply.answerId()));
            return;
        }
        OpenAiStreamWriter stream = new OpenAiStreamWriter(ctx, rc.json(), id, created, request.includeUsage(),
                request.promptChars());
        try {
            s.chat().chat(request.earlier(), request.question(), ChatService.DEFAULT_TOP_K, stream);
        } catch (OverloadedException e) {
            stream.error(e.getMessage());
        } catch (RuntimeException e) {
            log.error("OpenAI-compatible stream failed", e);
            stream.error("the answer could not be completed; it has been logged");
        }
    }

    /** The raw JSON body, checked for media type and size ({@link JsonBodies#read}) with OpenAI-shaped errors. */
    private byte[] body(Context ctx) {
        int max = maxBodyBytes(rc.config());
        try {
            return JsonBodies.read(ctx, max);
        } catch (ApiException e) {
            throw e.status() == 413 ? tooLarge(max)
                    : new OpenAiException(e.status(), OpenAiException.INVALID_REQUEST, null, e.code(), e.getMessage());
        }
    }

    /**
     * The body limit of {@code /v1}: OpenAI clients resend the whole conversation, our cited answers included,
     * so it is 16 times {@code ADVISOR_MAX_BODY_BYTES} (256 KiB by default; at most 10 earlier exchanges are read).
     */
    static int maxBodyBytes(dev.stackadvisor.config.AppConfig config) {
        return config.maxBodyBytes() * 16;
    }

    private Services ready() {
        Services s = rc.services().get();
        if (s == null) {
            throw new OpenAiException(503, "server_error", null, "not_ready",
                    "The indexes are still loading; retry in a few seconds");
        }
        return s;
    }

    private static OpenAiException tooLarge(int max) {
        return new OpenAiException(413, OpenAiException.INVALID_REQUEST, "messages", "request_too_large",
                "The request body must be at most " + max + " bytes (ADVISOR_MAX_BODY_BYTES); send fewer earlier messages");
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
