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
        RouteContext rc = new RouteContext(config, services, json);
        return Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.maxRequestSize = config.maxBodyBytes() + 1L;
            c.startup.showJavalinBanner = false;
            ChatRoutes.register(c, rc);
            OpenAiRoutes.register(c, rc);
            SlackRoutes.register(c, rc);
            WidgetRoutes.register(c, rc);
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
}
