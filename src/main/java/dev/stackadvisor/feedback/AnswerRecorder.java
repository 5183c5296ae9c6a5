package dev.stackadvisor.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes answers to the database off the request path: {@link #record} only queues (a chat turn never waits for
 * the database), one writer thread inserts what is queued in batches of up to {@link #BATCH}, one transaction each.
 * A batch the database does not take is tried again for up to {@link #RETRY_MS}; a database that stays down loses
 * the answers of that moment: they are counted in {@code advisor_answers_unrecorded_total}
 * (reason {@code database_down}, or {@code queue_full} when {@link #QUEUE} answers wait), and the outage is logged
 * once when it starts and once when it ends. {@link #flush()} lets a rating wait for the answer it names.
 * Thread-safe.
 */
public final class AnswerRecorder implements AnswerLog, AutoCloseable {

    /** Answers that may wait for the writer: at ~500 answers/s, 20 s of a slow database. */
    public static final int QUEUE = 10_000;
    /** Answers per insert transaction: one commit (one fsync on SQLite) per batch, not per answer. */
    public static final int BATCH = 256;
    /** Most {@link #flush()} waits, milliseconds: past it the rating is judged on what is stored. */
    public static final long FLUSH_WAIT_MS = 3_000;
    /**
     * How long a batch is tried again when the database cannot be reached, milliseconds: long enough for a first
     * SQLite connection on a loaded machine (measured over 1 s while the indexes were built) or a PostgreSQL restart.
     */
    public static final long RETRY_MS = 5_000;
    private static final long RETRY_PAUSE_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(AnswerRecorder.class);

    private final FeedbackStore store;
    private final MeterRegistry meters;
    private final BlockingQueue<AnswerRecord> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private final Object progress = new Object();
    private long queued; // guarded by progress: answers accepted so far
    private long done;   // guarded by progress: answers written or given up so far
    private volatile boolean running = true;
    private volatile boolean down;

    /** Starts the writer thread (a daemon: it never keeps the JVM alive). */
    public AnswerRecorder(FeedbackStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
        this.writer = new Thread(this::write, "answer-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(AnswerRecord answer) {
        synchronized (progress) {
            if (!queue.offer(answer)) {
                unrecorded("queue_full", 1);
                return;
            }
            queued++;
        }
    }

    /**
     * Waits until every answer queued before this call is written or given up, at most {@link #FLUSH_WAIT_MS}.
     *
     * @return false when it gave up waiting
     */
    public boolean flush() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_WAIT_MS);
        synchronized (progress) {
            long target = queued;
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether the last write failed because the database could not be reached. */
    public boolean databaseDown() {
        return down;
    }

    /** Writes what is still queued (up to {@link #FLUSH_WAIT_MS}) and stops the writer. */
    @Override
    public void close() {
        flush();
        running = false;
        writer.interrupt();
    }

    private void write() {
        List<AnswerRecord> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                AnswerRecord first = queue.poll(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
            } catch (InterruptedException e) {
                return;
            }
            try {
                insert(batch);
                meters.counter("advisor.answers.recorded").increment(batch.size());
                if (down) {
                    down = false;
                    log.info("the feedback database is back: answers are recorded again");
                }
            } catch (FeedbackUnavailableException e) {
                unrecorded("database_down", batch.size());
                if (!down) {
                    down = true;
                    log.warn("answers are not recorded (feedback on them will not be possible): {}", e.getMessage());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                unrecorded("error", batch.size());
                log.error("recording {} answers failed", batch.size(), e);
            }
            synchronized (progress) {
                done += batch.size();
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    /**
     * Inserts a batch, trying again every {@link #RETRY_PAUSE_MS} for up to {@link #RETRY_MS} while the database
     * cannot be reached (its first connection at a busy start-up, a restart); after the first failure of an outage
     * a batch is tried once.
     */
    private void insert(List<AnswerRecord> batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(down ? 0 : RETRY_MS);
        while (true) {
            try {
                store.addAnswers(batch);
                return;
            } catch (FeedbackUnavailableException e) {
                if (System.nanoTime() >= deadline || !running) {
                    throw e;
                }
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
    }

    private void unrecorded(String reason, int n) {
        meters.counter("advisor.answers.unrecorded", "reason", reason).increment(n);
    }
}
