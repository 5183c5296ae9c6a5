package dev.stackadvisor.answer;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The deadline and the bulkhead every LLM call goes through, whatever the client library does: a resilience4j
 * {@link ThreadPoolBulkhead} runs blocking calls on {@code threads} fixed threads with {@code queue} waiting places
 * (none: a hand-off) and rejects a call finding both full at once ({@link BulkheadFullException}); a resilience4j
 * {@link TimeLimiter} abandons a call at the deadline ({@link TimeoutException}) and cancels it. The bulkhead's
 * futures cannot interrupt their thread, so a timed-out blocking call's thread is interrupted here: a hung LLM
 * holds at most {@code threads} threads, each until its deadline. Thread-safe; one per process, shared by every
 * index snapshot's answerer.
 */
public final class LlmCalls {

    private final TimeLimiter limiter;
    private final ThreadPoolBulkhead bulkhead;

    private LlmCalls(TimeLimiter limiter, ThreadPoolBulkhead bulkhead) {
        this.limiter = limiter;
        this.bulkhead = bulkhead;
    }

    /**
     * @param timeout the longest one call may take ({@code LLM_TIMEOUT_MS}), > 0
     * @param threads blocking calls in flight at once ({@code LLM_MAX_CONCURRENT}), ≥ 1
     * @param queue   calls that may wait for a thread ({@code LLM_QUEUE}), ≥ 0
     * @throws IllegalArgumentException when a bound is out of range
     */
    public static LlmCalls of(Duration timeout, int threads, int queue) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0: " + timeout);
        }
        TimeLimiter limiter = TimeLimiter.of("llm", TimeLimiterConfig.custom()
                .timeoutDuration(timeout).cancelRunningFuture(true).build());
        ThreadPoolBulkhead bulkhead = ThreadPoolBulkhead.of("llm", ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(threads).maxThreadPoolSize(threads).queueCapacity(queue)
                .writableStackTraceEnabled(false) // a full bulkhead is an expected answer, not a bug
                .build());
        return new LlmCalls(limiter, bulkhead);
    }

    /** The deadline of one call. */
    public Duration timeout() {
        return limiter.getTimeLimiterConfig().getTimeoutDuration();
    }

    /**
     * Runs a blocking call on a bulkhead thread and waits for it until the deadline.
     *
     * @return what the call returned
     * @throws BulkheadFullException when every thread and queue place is taken (no call made)
     * @throws TimeoutException      at the deadline (the call's thread is interrupted)
     * @throws Exception             what the call threw, as itself
     */
    public <T> T blocking(Callable<T> call) throws Exception {
        Worker worker = new Worker();
        try {
            return limiter.executeFutureSupplier(() -> bulkhead.submit(() -> worker.run(call)).toCompletableFuture());
        } finally {
            worker.interrupt(); // no-op once the call has returned
        }
    }

    /**
     * Waits for an asynchronous call (a streaming answer) until the deadline.
     *
     * @throws TimeoutException at the deadline ({@code pending} is then cancelled)
     * @throws Exception        what {@code pending} failed with, as itself
     */
    public <T> T await(CompletableFuture<T> pending) throws Exception {
        return limiter.executeFutureSupplier(() -> pending);
    }

    /** The thread running one call, while it runs: what a timed-out call interrupts. */
    private static final class Worker {
        private Thread thread;
        private boolean finished;

        <T> T run(Callable<T> call) throws Exception {
            synchronized (this) {
                if (finished) {
                    throw new java.util.concurrent.CancellationException("abandoned before it started");
                }
                thread = Thread.currentThread();
            }
            try {
                return call.call();
            } finally {
                synchronized (this) {
                    thread = null;
                    finished = true;
                }
            }
        }

        synchronized void interrupt() {
            finished = true;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
