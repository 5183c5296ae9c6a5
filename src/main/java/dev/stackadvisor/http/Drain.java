package dev.stackadvisor.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graceful shutdown: counts requests in flight; once {@link #drainAndStop} is called, new requests get 503
 * {@code shutting_down} while those in flight finish (up to a deadline), then the server stops.
 */
public final class Drain {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    void before(Context ctx) {
        if (draining.get()) {
            ctx.header("Connection", "close");
            throw new ApiException(503, "shutting_down", "the server is shutting down; retry on another instance");
        }
        inFlight.incrementAndGet();
        ctx.attribute("drain.counted", Boolean.TRUE);
    }

    void after(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute("drain.counted"))) {
            inFlight.decrementAndGet();
        }
    }

    /** Requests being handled now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Refuses new requests, waits for those in flight, then stops the server.
     *
     * @param timeoutMs the longest to wait for in-flight requests, milliseconds
     * @return whether every in-flight request finished before the deadline
     */
    public boolean drainAndStop(Javalin app, long timeoutMs) {
        draining.set(true);
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean drained = inFlight.get() == 0;
        app.stop();
        return drained;
    }
}
