package dev.stackadvisor.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * {@code X-Request-Id}: taken from the request when it is a sane id (1–64 of {@code [A-Za-z0-9._-]}), else
 * generated; echoed on the response and put in the logging MDC as {@code requestId}, so every log line of the
 * request carries it (see logback.xml), ending with one access line ({@code access} logger). Nothing of the
 * request's headers or body is logged: keys and tokens never reach the logs.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String START = "requestIds.start";
    private static final org.slf4j.Logger access = org.slf4j.LoggerFactory.getLogger("access");
    /** The warm-up's own requests ({@link RehearsalKey}): thousands at start-up, off in logback.xml. */
    private static final org.slf4j.Logger rehearsalAccess = org.slf4j.LoggerFactory.getLogger("access.rehearsal");

    private RequestIds() {
    }

    static void before(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
        ctx.attribute(START, System.nanoTime());
    }

    /**
     * {@code ms} with one decimal, rounded half up ("12.3"): what {@code String.format("%.1f")} printed, without a
     * Formatter per request (a third of this class's cost under load).
     */
    static String tenths(double ms) {
        long t = Math.round(ms * 10);
        return t / 10 + "." + t % 10;
    }

    /** Logs one access line (method, path, status, ms) under the request's id, then clears the MDC. */
    static void after(Context ctx) {
        Long start = ctx.attribute(START);
        double ms = start == null ? 0 : (System.nanoTime() - start) / 1e6;
        (RehearsalKey.marked(ctx) ? rehearsalAccess : access).info("{} {} {} {} ms", ctx.method(), ctx.path(),
                ctx.statusCode(), tenths(ms));
        MDC.remove(MDC_KEY);
    }
}
