package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stackadvisor.app.Services;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.retrieval.HybridRetriever;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (Javalin). Handlers parse, call the chat layer, respond; every error goes through one
 * exception mapping to {@code {"error": {"code", "message"}}} with a 4xx status for the client's mistakes,
 * 503 while the indexes load, and a bare 500 (logged, no stack trace sent) for our own.
 *
 * <p>Routes: {@code POST /api/chat}, {@code POST /api/chat/stream} (server-sent events), {@code GET /health}, {@code GET /ready}, {@code GET /api/sources},
 * {@code GET /api/frameworks}, {@code GET /api/frameworks/{name}}.
 */
public final class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {
    }

    /**
     * Builds the (not yet started) server.
     *
     * @param config   host, port and limits
     * @param services null until start-up has loaded the indexes; requests needing them get 503 till then
     */
    public static Javalin create(AppConfig config, Supplier<Services> services) {
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        Handlers h = new Handlers(config, services, json);
        return Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.maxRequestSize = config.maxBodyBytes() + 1L;
            c.startup.showJavalinBanner = false;
            c.routes.post("/api/chat", h::chat);
            c.routes.post("/api/chat/stream", h::stream);
            c.routes.get("/health", h::health);
            c.routes.get("/ready", h::ready);
            c.routes.get("/api/sources", h::sources);
            c.routes.get("/api/frameworks", h::frameworks);
            c.routes.get("/api/frameworks/{name}", h::framework);
            c.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(ErrorBody.of(e.code(), e.getMessage())));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                    .json(ErrorBody.of(codeFor(e.getStatus()), e.getMessage())));
            c.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).json(ErrorBody.of("internal_error", "internal error; it has been logged"));
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.json(ErrorBody.of("not_found", "no route " + ctx.method() + " " + ctx.path()));
                }
            });
            c.routes.error(405, ctx -> ctx.json(ErrorBody.of("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    /** The route handlers. */
    private record Handlers(AppConfig config, Supplier<Services> services, ObjectMapper json) {

        void chat(Context ctx) {
            ChatRequest request = request(ctx);
            Services s = ready();
            ChatReply reply = s.chat().chat(request.message(), request.sessionId(),
                    request.topK() == null ? HybridRetriever.GENERAL_TOP : request.topK());
            ctx.json(ChatResponse.of(reply));
        }

        /**
         * The same turn as server-sent events: {@code meta}, {@code citations}, {@code token}…, {@code done}
         * (the body {@code /api/chat} would return), or {@code error}. Input errors are plain 4xx JSON, before
         * the stream starts.
         */
        void stream(Context ctx) throws java.io.IOException {
            ChatRequest request = request(ctx);
            Services s = ready();
            SseWriter sse = new SseWriter(ctx, json);
            try {
                s.chat().stream(request.message(), request.sessionId(),
                        request.topK() == null ? HybridRetriever.GENERAL_TOP : request.topK(), sse);
            } catch (RuntimeException e) {
                log.error("stream failed", e);
                sse.error("internal_error", "the answer could not be completed; it has been logged");
            }
        }

        private ChatRequest request(Context ctx) {
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new ApiException(415, "unsupported_media_type",
                        "Content-Type must be application/json (got " + (type == null ? "none" : type) + ")");
            }
            if (ctx.contentLength() > config.maxBodyBytes()) {
                throw tooLarge();
            }
            byte[] body = ctx.bodyAsBytes();
            if (body.length > config.maxBodyBytes()) {
                throw tooLarge();
            }
            return ChatRequest.parse(body, json);
        }

        void health(Context ctx) {
            Services s = services.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("ready", s != null);
            body.put("mode", config.llmEnabled() ? "llm" : "extractive");
            body.put("retrieval", config.retrieval().name().toLowerCase(Locale.ROOT));
            if (s != null) {
                body.put("documents", s.startup().documents());
                body.put("passages", s.startup().passages());
                body.put("frameworks", s.startup().frameworks());
                body.put("embeddingCache", s.startup().embeddingCache());
                body.put("embeddedPassages", s.startup().embeddedPassages());
                body.put("startupMs", s.startup().loadMs());
                body.put("sessions", s.chat().sessionCount());
                s.chat().llm().ifPresent(llm -> body.put("llm", Map.of("provider", config.llmProvider(),
                        "model", llm.modelName(), "breaker", llm.breakerState(), "available", llm.available())));
            }
            ctx.json(body);
        }

        void ready(Context ctx) {
            ready();
            ctx.json(Map.of("ready", true));
        }

        void sources(Context ctx) {
            ctx.json(Map.of("sources", ready().catalog().sources()));
        }

        void frameworks(Context ctx) {
            ctx.json(Map.of("frameworks", ready().catalog().frameworks()));
        }

        void framework(Context ctx) {
            String name = ctx.pathParam("name");
            Catalog.FrameworkProfile profile;
            try {
                profile = ready().catalog().profile(name).orElseThrow(() -> new ApiException(404, "not_found",
                        "unknown framework '" + name + "'; GET /api/frameworks lists the ones the sources cover"));
            } catch (Catalog.NotCoveredException e) {
                throw new ApiException(404, "not_covered", e.getMessage());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("framework", profile.framework());
            body.put("answer", profile.answer().text());
            body.put("citations", profile.answer().citations());
            ctx.json(body);
        }

        private Services ready() {
            Services s = services.get();
            if (s == null) {
                throw new ApiException(503, "not_ready", "the indexes are still loading; retry in a few seconds");
            }
            return s;
        }

        private ApiException tooLarge() {
            return new ApiException(413, "payload_too_large", "request body must be at most " + config.maxBodyBytes() + " bytes");
        }
    }
}
