package dev.stackadvisor.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Graceful shutdown: counts requests in flight; once {@link #drainAndStop} is called, new requests get 503
 * {@code shutting_down} while those in flight finish (up to a deadline), then the server stops. A request stops
 * counting here when its handlers are done, a moment before Javalin writes its response; so before stopping,
 * Jetty's {@link GracefulHandler} (which {@link HttpApi} installs in front of Javalin, and which counts a request
 * until its response is complete) is waited on too, up to {@link #WRITE_OUT_MS}. Without it a response computed
 * just before the stop could be cut off: the client saw the connection close with no bytes.
 */
public final class Drain {

    /** How long stopping waits for responses already computed to be written out, ms. */
    public static final long WRITE_OUT_MS = 5_000;

    private final GracefulHandler writeOut = new GracefulHandler();

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

    /** The Jetty handler that counts requests until their responses are complete, for the server's chain. */
    GracefulHandler writeOutHandler() {
        return writeOut;
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
        if (drained) {
            try {
                writeOut.shutdown().get(WRITE_OUT_MS, TimeUnit.MILLISECONDS); // the last responses' bytes
            } catch (TimeoutException | ExecutionException e) {
                drained = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drained = false;
            }
        }
        app.stop();
        return drained;
    }
}
