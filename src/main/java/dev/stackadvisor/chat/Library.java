package dev.stackadvisor.chat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link IndexSnapshot} and replaces it: one atomic reference that every request reads once,
 * and re-indexes that run one at a time. Requests in flight keep the snapshot they started with; the next ones
 * get the new one as soon as it is complete. Metrics: {@code advisor.reindex} (timer, tag {@code outcome}
 * = {@code success} | {@code failure}: count and duration of re-indexes) and {@code advisor.corpus.documents}
 * (gauge). Thread-safe.
 *
 * <p>With a {@link Warmup} on, a snapshot is warmed before it answers traffic: the start-up one by
 * {@link #warmUp(Warmup.Asker)} (the server is not {@link #ready()} till then), a re-indexed one inside
 * {@link #update} before it is swapped in.
 */
public final class Library {

    /** Builds a snapshot from the corpus directory as it is now. */
    @FunctionalInterface
    public interface Builder {
        /**
         * @param generation the new snapshot's generation
         * @throws RuntimeException when the corpus cannot be loaded or indexed (e.g. a CorpusException)
         */
        IndexSnapshot build(long generation);
    }

    /** A change of the corpus directory, made under the re-index lock. */
    @FunctionalInterface
    public interface Change {
        /**
         * @param current the snapshot being replaced (what the corpus held before the change)
         * @return how to undo the change
         */
        Runnable apply(IndexSnapshot current);
    }

    /** Checks a freshly built snapshot before it is swapped in. */
    @FunctionalInterface
    public interface Check {
        /** @throws RuntimeException to refuse the snapshot (the change is undone, the current one stays) */
        void verify(IndexSnapshot next);
    }

    private static final Logger log = LoggerFactory.getLogger(Library.class);

    private final Builder builder;
    private final MeterRegistry meters;
    private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
    private final ReentrantLock reindexing = new ReentrantLock(true);
    private final long startupMs;
    private final Warmup warmup;
    private volatile boolean ready;

    /** Builds the first snapshot (generation 1) now; no warm-up, so ready at once. */
    public Library(Builder builder, MeterRegistry meters) {
        this(builder, meters, Warmup.off());
    }

    /**
     * Builds the first snapshot (generation 1) now; with {@code warmup} on it is not {@link #ready()} until
     * {@link #warmUp(Warmup.Asker)} has run.
     */
    public Library(Builder builder, MeterRegistry meters, Warmup warmup) {
        this.builder = builder;
        this.meters = meters;
        this.warmup = warmup;
        this.ready = !warmup.enabled();
        IndexSnapshot first = builder.build(1);
        this.startupMs = first.report().loadMs();
        current.set(first);
        meters.gauge("advisor.corpus.documents", current, r -> r.get().corpus().documents().size());
    }

    /** The snapshot to answer from: read it once per request. */
    public IndexSnapshot current() {
        return current.get();
    }

    /** Whether the start-up snapshot may take traffic: built, and warmed when warm-up is on. */
    public boolean ready() {
        return ready;
    }

    /** What the warm-up is doing or last did ({@code /health}). */
    public Warmup.Progress warmup() {
        return warmup.progress();
    }

    /**
     * Warms the current snapshot (blocking, at most {@code ADVISOR_WARMUP_SECONDS}), asking through {@code asker}
     * (the server: its own HTTP route on loopback; {@link Warmup#IN_PROCESS}: the answer path alone), then turns
     * {@link #ready()}. The server calls it once after start-up; the CLI never does. Re-indexes wait for it.
     */
    public void warmUp(Warmup.Asker asker) {
        reindexing.lock();
        try {
            if (!ready) {
                warmup.run(current.get(), asker);
            }
        } finally {
            ready = true;
            reindexing.unlock();
        }
    }

    /** How long the start-up build took, milliseconds. */
    public long startupMs() {
        return startupMs;
    }

    /**
     * Applies {@code change} to the corpus directory, builds a snapshot of the result, checks it, warms it (when
     * warm-up is on) and swaps it in; one re-index at a time (callers wait their turn). When building or checking fails, {@code undo} restores
     * the directory, the current snapshot stays and the exception propagates.
     *
     * @return the new snapshot
     */
    public IndexSnapshot update(Change change, Check check) {
        reindexing.lock();
        try {
            IndexSnapshot before = current.get();
            Runnable undo = change.apply(before);
            long t0 = System.nanoTime();
            try {
                IndexSnapshot next = builder.build(before.generation() + 1);
                check.verify(next);
                warmup.run(next); // traffic never meets a cold snapshot; never throws
                current.set(next);
                Timer.builder("advisor.reindex").tag("outcome", "success").register(meters)
                        .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                log.info("re-indexed: generation {}, {} documents, {} passages, {} ms", next.generation(),
                        next.report().documents(), next.report().passages(), next.report().loadMs());
                return next;
            } catch (RuntimeException e) {
                Timer.builder("advisor.reindex").tag("outcome", "failure").register(meters)
                        .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                undo.run();
                throw e;
            }
        } finally {
            reindexing.unlock();
        }
    }
}
