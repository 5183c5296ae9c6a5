package dev.stackadvisor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The LLM call deadline and bulkhead, without an LLM: each case well under a second. */
class LlmCallsTest {

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(10);

    /** {@code call} on another thread; what it throws completes the future exceptionally. */
    private static <T> CompletableFuture<T> async(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void should_return_what_the_call_returns() throws Exception {
        assertEquals("answer", LlmCalls.of(LONG, 1, 0).blocking(() -> "answer"));
    }

    @Test
    void should_rethrow_the_calls_own_exception_as_itself() {
        LlmCalls calls = LlmCalls.of(LONG, 1, 0);
        IOException e = assertThrows(IOException.class, () -> calls.blocking(() -> {
            throw new IOException("connection reset");
        }));
        assertEquals("connection reset", e.getMessage());
    }

    @Test
    void should_abandon_a_call_at_the_deadline_and_interrupt_its_thread() throws Exception {
        // given a call that would block for a minute
        LlmCalls calls = LlmCalls.of(SHORT, 1, 0);
        CountDownLatch interrupted = new CountDownLatch(1);

        // when it runs past the deadline
        long t0 = System.nanoTime();
        assertThrows(TimeoutException.class, () -> calls.blocking(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        }));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        // then the caller is back at the deadline, the thread is freed, and the next call gets it
        assertTrue(ms >= 150 && ms < 2000, "returned after " + ms + " ms");
        assertTrue(interrupted.await(2, TimeUnit.SECONDS), "the abandoned call's thread was interrupted");
        assertEquals("next", calls.blocking(() -> "next"));
    }

    @Test
    void should_reject_a_call_at_once_when_every_thread_and_queue_place_is_taken() throws Exception {
        // given one thread, no queue, and a call holding the thread
        LlmCalls calls = LlmCalls.of(LONG, 1, 0);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = async(() -> calls.blocking(() -> {
            started.countDown();
            release.await();
            return "first";
        }));
        assertTrue(started.await(5, TimeUnit.SECONDS));

        // when a second call arrives, then it is rejected without running
        AtomicInteger ran = new AtomicInteger();
        assertThrows(BulkheadFullException.class, () -> calls.blocking(ran::incrementAndGet));
        assertEquals(0, ran.get());
        assertFalse(first.isDone());

        release.countDown();
        assertEquals("first", first.get(5, TimeUnit.SECONDS));
    }

    @Test
    void should_let_a_call_wait_in_the_queue_for_a_thread() throws Exception {
        LlmCalls calls = LlmCalls.of(LONG, 1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = async(() -> calls.blocking(() -> {
            started.countDown();
            return release.await(5, TimeUnit.SECONDS);
        }));
        assertTrue(started.await(5, TimeUnit.SECONDS));

        CompletableFuture<String> queued = async(() -> calls.blocking(() -> "queued"));
        Thread.sleep(100);
        assertFalse(queued.isDone(), "the second call waits for the only thread");

        release.countDown();
        assertEquals(true, first.get(5, TimeUnit.SECONDS));
        assertEquals("queued", queued.get(5, TimeUnit.SECONDS));
    }

    @Test
    void should_abandon_and_cancel_a_streaming_answer_at_the_deadline() {
        LlmCalls calls = LlmCalls.of(SHORT, 1, 0);
        CompletableFuture<String> never = new CompletableFuture<>();

        assertThrows(TimeoutException.class, () -> calls.await(never));
        assertTrue(never.isCancelled());
    }

    @Test
    void should_return_a_streaming_answer_that_completes_in_time() throws Exception {
        assertEquals("done", LlmCalls.of(LONG, 1, 0).await(CompletableFuture.completedFuture("done")));
    }

    @Test
    void should_refuse_a_deadline_that_is_not_positive() {
        assertThrows(IllegalArgumentException.class, () -> LlmCalls.of(Duration.ZERO, 1, 0));
    }
}
