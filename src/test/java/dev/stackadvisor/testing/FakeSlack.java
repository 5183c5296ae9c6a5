package dev.stackadvisor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real local HTTP server standing in for Slack, which we cannot run here: the Web API method
 * {@code POST /api/chat.postMessage} (answers {@code {"ok": true, "ts": …}}) and slash-command response URLs
 * {@code POST /commands/{team}/{id}/{token}}. It records every request (path, Authorization, body) for tests to
 * look at, and can wait for them.
 */
public final class FakeSlack implements AutoCloseable {

    /**
     * One request received.
     *
     * @param path          the request path
     * @param authorization the Authorization header, "" when absent
     * @param contentType   the Content-Type header, "" when absent
     * @param body          the JSON body (null when not JSON)
     */
    public record Received(String path, String authorization, String contentType, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final List<Received> postMessages = new CopyOnWriteArrayList<>();
    private final List<Received> responses = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger(100);

    public FakeSlack() {
        app = Javalin.create(c -> {
            c.jetty.host = "127.0.0.1";
            c.startup.showJavalinBanner = false;
            c.routes.post("/api/chat.postMessage", this::postMessage);
            c.routes.post("/commands/{team}/{id}/{token}", this::response);
        }).start(0);
    }

    /** What to set {@code SLACK_API_BASE_URL} to: {@code http://127.0.0.1:PORT/api}. */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + app.port() + "/api";
    }

    /** A response URL on this server whose last path segment is {@code token}. */
    public String responseUrl(String token) {
        return "http://127.0.0.1:" + app.port() + "/commands/T0001/4242/" + token;
    }

    /** Every {@code chat.postMessage} call so far. */
    public List<Received> postMessages() {
        return List.copyOf(postMessages);
    }

    /** Every post to a response URL so far. */
    public List<Received> responses() {
        return List.copyOf(responses);
    }

    /** Posts to the response URL ending in {@code token}. */
    public List<Received> responses(String token) {
        return responses.stream().filter(r -> r.path().endsWith("/" + token)).toList();
    }

    /** {@code chat.postMessage} calls that {@code which} accepts. */
    public List<Received> postMessages(Predicate<Received> which) {
        return postMessages.stream().filter(which).toList();
    }

    /**
     * Polls until {@code condition} holds or {@code timeout} passes.
     *
     * @return whether it held
     */
    public static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private void postMessage(Context ctx) {
        Received r = record(ctx);
        postMessages.add(r);
        if (r.body() == null || !r.body().path("channel").isTextual()) {
            ctx.json(Map.of("ok", false, "error", "channel_not_found"));
            return;
        }
        ctx.json(Map.of("ok", true, "channel", r.body().path("channel").asText(), "ts", "1700000000.000" + ts.incrementAndGet()));
    }

    private void response(Context ctx) {
        responses.add(record(ctx));
        ctx.contentType("text/plain").result("ok");
    }

    private static Received record(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        return new Received(ctx.path(), headerOrEmpty(ctx, "Authorization"), headerOrEmpty(ctx, "Content-Type"), body);
    }

    private static String headerOrEmpty(Context ctx, String name) {
        String v = ctx.header(name);
        return v == null ? "" : v;
    }

    @Override
    public void close() {
        app.stop();
    }
}
