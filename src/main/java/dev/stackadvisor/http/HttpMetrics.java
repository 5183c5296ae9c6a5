package dev.stackadvisor.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Request count and latency per route and status as the Micrometer timer {@code http.server.requests}
 * (Prometheus: {@code http_server_requests_seconds_count/_sum/_bucket}, tags method, route, status; a
 * percentile histogram so p50/p95/p99 can be computed), and {@code GET /metrics} in the Prometheus text format.
 * The route is the matched path template ({@code /api/frameworks/{name}}), never the raw path, so a client cannot
 * create unbounded series.
 */
final class HttpMetrics {

    private static final String START = "metrics.start";

    private final PrometheusMeterRegistry registry;
    /** Where the warm-up's own requests ({@link RehearsalKey}) are timed: the same code, a registry nobody scrapes. */
    private final PrometheusMeterRegistry rehearsals = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    HttpMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void after(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(RehearsalKey.marked(ctx) ? rehearsals : registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
