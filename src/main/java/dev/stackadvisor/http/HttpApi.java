package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.chat.DocumentException;
import dev.stackadvisor.chat.SharedRedis;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.index.OverloadedException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.ServletException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (Javalin). Handlers parse, call the chat layer, respond; every error goes through one
 * exception mapping to {@code {"error": {"code", "message"}}} (OpenAI's error shape on {@code /v1/*}) with a
 * 4xx status for the client's mistakes, 503 while the indexes load or when the embedding queue is full
 * ({@code overloaded}, with {@code Retry-After}), and a bare 500 (logged, no stack trace sent) for our own.
 *
 * <p>Every request: an {@code X-Request-Id} (logged with each line), metrics per route and status, API keys
 * and rate limits on {@code /api/*} and {@code /v1/*} when configured, CORS for {@code ADVISOR_CORS_ORIGINS},
 * and refusal while draining for shutdown. Routes are registered per feature: {@link ChatRoutes} (the core
 * API and the stream), {@link OpenAiRoutes} ({@code /v1/*}), {@link SlackRoutes} ({@code /slack/*}),
 * {@link WidgetRoutes} ({@code /}, {@code /widget.js}), {@link DocumentRoutes} ({@code /api/documents}: runtime
 * ingestion), plus {@code GET /metrics}.
 */
public final class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {
    }

    /**
     * Builds the (not yet started) server.
     *
     * @param config   host, port, limits, keys, CORS origins
     * @param services null until start-up has loaded the indexes; requests needing them get 503 till then
     * @param registry where request metrics go and what {@code GET /metrics} shows (the services record theirs
     *                 in the same registry)
     * @param drain    counts requests in flight for graceful shutdown
     */
    public static Javalin create(AppConfig config, Supplier<Services> services, PrometheusMeterRegistry registry,
                                 Drain drain) {
        return create(config, services, registry, drain, Optional.empty());
    }

    /**
     * As {@link #create(AppConfig, Supplier, PrometheusMeterRegistry, Drain)}, with rate limits and Slack claims
     * in {@code redis} when present (shared by replicas; the same connection the services keep conversations in).
     */
    public static Javalin create(AppConfig config, Supplier<Services> services, PrometheusMeterRegistry registry,
                                 Drain drain, Optional<SharedRedis> redis) {
        return create(config, services, registry, drain, redis, RehearsalKey.random());
    }

    /**
     * As {@link #create(AppConfig, Supplier, PrometheusMeterRegistry, Drain, Optional)}, taking the start-up
     * warm-up's requests that carry {@code rehearsals} (the key the server's {@link LoopbackAsker} sends).
     */
    public static Javalin create(AppConfig config, Supplier<Services> services, PrometheusMeterRegistry registry,
                                 Drain drain, Optional<SharedRedis> redis, RehearsalKey rehearsals) {
        ObjectMapper json = objectMapper();
        RouteContext rc = new RouteContext(config, services, json, redis);
        HttpMetrics metrics = new HttpMetrics(registry);
        AccessGuard guard = new AccessGuard(config, redis);
        return Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.maxRequestSize = Math.max(config.maxBodyBytes(), OpenAiRoutes.maxBodyBytes(config)) + 1L;
            c.startup.showJavalinBanner = false;
            // counts each request until its response is written out (see Drain)
            c.jetty.modifyServer(server -> server.setHandler(drain.writeOutHandler()));
            if (!config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    config.corsOrigins().forEach(origin -> rule.allowHost(origin));
                    rule.exposeHeader(RequestIds.HEADER);
                    rule.exposeHeader("Retry-After");
                }));
            }
            c.routes.before(rehearsals::before); // first: the filters below read its mark
            c.routes.before(RequestIds::before);
            c.routes.before(metrics::before);
            c.routes.before(drain::before);
            c.routes.before(guard::before);
            c.routes.after(drain::after);
            c.routes.after(metrics::after);
            c.routes.after(RequestIds::after);
            c.routes.get("/metrics", metrics::scrape);
            ChatRoutes.register(c, rc);
            OpenAiRoutes.register(c, rc);
            SlackRoutes.register(c, rc);
            WidgetRoutes.register(c, rc);
            DocumentRoutes.register(c, rc);
            FeedbackRoutes.register(c, rc);
            c.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(ErrorBody.of(e.code(), e.getMessage())));
            c.routes.exception(DocumentException.class, (e, ctx) -> ctx.status(switch (e.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case TOO_LARGE -> 413;
                case UNINDEXABLE -> 422;
            }).json(ErrorBody.of(switch (e.kind()) {
                case INVALID -> "invalid_request";
                case NOT_FOUND -> "not_found";
                case CONFLICT -> "conflict";
                case TOO_LARGE -> "payload_too_large";
                case UNINDEXABLE -> "unindexable";
            }, e.getMessage())));
            c.routes.exception(ServletException.class, (e, ctx) -> {
                ApiException client = DocumentRoutes.multipartError(e, config);
                if (client == null) {
                    internalError(e, ctx);
                } else {
                    ctx.status(client.status()).json(ErrorBody.of(client.code(), client.getMessage()));
                }
            });
            c.routes.exception(OverloadedException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds())).status(503);
                ctx.json(ctx.path().startsWith("/v1/") ? new OpenAiException(503, "server_error", null, "overloaded",
                        e.getMessage()).body() : ErrorBody.of("overloaded", e.getMessage()));
            });
            c.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                    .json(ErrorBody.of(codeFor(e.getStatus()), e.getMessage())));
            c.routes.exception(Exception.class, HttpApi::internalError);
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.json(ErrorBody.of("not_found", "no route " + ctx.method() + " " + ctx.path()));
                }
            });
            c.routes.error(405, ctx -> ctx.json(ErrorBody.of("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    /**
     * The server's JSON mapper: deeply nested (over 32 levels), very long strings (over 64 K chars) or numbers
     * (over 64 digits) are refused while parsing, as a 400, long before they could cost anything.
     */
    static ObjectMapper objectMapper() {
        ObjectMapper json = JsonMapper.builder().findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // "{…} {" is not one JSON object
                .build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(64 * 1024).maxNumberLength(64).build());
        return json;
    }

    /** Our own failure: logged with its stack trace, a bare 500 to the client. */
    private static void internalError(Exception e, Context ctx) {
        log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500).json(ErrorBody.of("internal_error", "internal error; it has been logged"));
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
