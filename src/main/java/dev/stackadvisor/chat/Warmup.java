package dev.stackadvisor.chat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a snapshot before it takes traffic: asks it generated questions ({@link WarmupQuestions}) through the real
 * answer path ({@link ChatService#rehearse}: analysis, both retrievers, gate, answer selection, composer; no LLM
 * call, no session, no answer cache, no traffic metric) until per-request latency stops falling or the budget
 * ({@code ADVISOR_WARMUP_SECONDS}) runs out. A fresh JVM serves its first minute at about half speed while the JIT
 * compiles the pipeline (issue 22); a re-indexed snapshot reuses the compiled code, so its warm-up finds the
 * plateau within a few batches and mostly fills what is per snapshot.
 *
 * <p><b>When latency has stopped falling.</b> Questions go in batches of {@link #BATCH}, run on {@code threads}
 * threads at once (as many as one MiniLM inference takes, so the embedding batcher forms the batch sizes it forms
 * under load). A question's latency, for this rule, is the CPU time its own thread spent on it (the JVM's thread CPU
 * clock): the part the JIT speeds up, without the time spent waiting for a core (the machine may be shared, and
 * {@code threads} exceed the cores) or in ONNX Runtime on the batcher's threads (native code, no JIT). A batch's
 * figure is the median of its questions' CPU milliseconds; latency is flat ({@link Plateau}) once, for
 * {@link #PATIENCE} batches in a row, the median of the last {@link #WINDOW} batch figures has not fallen more than
 * {@link #MIN_GAIN} below where it last fell that much. Where the numbers come from (docs/benchmarks.md, issue 22):
 * wall-clock batch medians on this 2-core machine, shared with two other agents' builds, jumped by 30–150 % from one
 * batch to the next while other processes took one to one and a half cores, so a wall-clock rule stopped on noise
 * (or ran to the budget); thread CPU does not see them. The JIT compiles in steps, a few batches each, so 10 batches
 * without a 5 % fall of the 3-batch median is past a step, not on it; and not before {@link #MIN_QUESTIONS}
 * questions, which C2 needs for what is called once per question. The wall-clock median is reported too
 * ({@link Progress#lastBatchMs}).
 *
 * <p>Thread-safe: {@link #run} may be called from any thread, one run at a time (the {@link Library} calls it under
 * its re-index lock); {@link #progress} from any.
 */
public final class Warmup {

    /** Questions per batch: enough for a stable median (a batch is ~0.1 s warm on 2 cores, ~1 s cold). */
    static final int BATCH = 64;
    /** A batch median this much below the reference counts as latency still falling (fraction). */
    static final double MIN_GAIN = 0.05;
    /** Batches in a row without such a fall that make a plateau. */
    static final int PATIENCE = 10;
    /** Batch medians the plateau's figure is the median of. */
    static final int WINDOW = 3;
    /**
     * Questions this process must have asked (in all its runs) before a plateau may end a run: HotSpot's C2 compiles a
     * method once it was called about 5000 times ({@code -XX:Tier4InvocationThreshold}), and the methods the answer
     * path calls once per question are called once per question. Measured on a shared machine (docs/benchmarks.md,
     * issue 22) the first 10 s of traffic did 0.60 of the rate per CPU-second of a minute later after a warm-up that
     * stopped at the first plateau (~2000 questions), and 0.62 with this floor: it is a floor the JIT asks for, not
     * yet what closes the gap. The compiled code outlives a snapshot, so a re-index's warm-up, after the start-up one, stops on the plateau alone.
     */
    static final int MIN_QUESTIONS = 5000;

    /**
     * What the warm-up is doing, for {@code /health}.
     *
     * @param state         {@code off} (budget 0), {@code pending} (not started), {@code warming}, {@code done},
     *                      {@code failed} (a question threw: logged; the snapshot is served anyway)
     * @param generation    the snapshot being (or last) warmed; 0 before the first
     * @param questions     questions answered in this run
     * @param batches       batches of {@link #BATCH} completed in this run
     * @param elapsedMs     milliseconds since this run started (its length once it ended)
     * @param lastBatchMs   median wall-clock latency per question of the last batch, milliseconds (waiting for a core
     *                      and for the embedding model included); null before the first
     * @param lastBatchCpuMs median CPU time per question of the last batch on the asking thread, milliseconds: what
     *                      the plateau rule reads; null before the first
     * @param stoppedBy     {@code plateau}, {@code budget} or {@code error}; null while warming
     * @param budgetSeconds {@code ADVISOR_WARMUP_SECONDS}
     */
    public record Progress(String state, long generation, long questions, int batches, long elapsedMs,
                           Double lastBatchMs, Double lastBatchCpuMs, String stoppedBy, int budgetSeconds) {
    }

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    /** The JVM's per-thread CPU clock (HotSpot on Linux: clock_gettime of the thread, about a microsecond). */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final Duration budget;
    private final Function<IndexSnapshot, WarmupQuestions> questions;
    private final int threads;
    /**
     * The next question's index, so the questions this process asked: a re-index warm-up asks questions the ones
     * before it did not.
     */
    private final AtomicLong next = new AtomicLong();
    private final AtomicReference<Progress> progress;

    /**
     * @param budget    the longest one run may take; zero = off
     * @param questions what to ask a snapshot (null only when off): made per run, from the snapshot's corpus
     * @param threads   questions answered at once, ≥ 1
     */
    public Warmup(Duration budget, Function<IndexSnapshot, WarmupQuestions> questions, int threads) {
        if (threads < 1 || budget.isNegative() || (!budget.isZero() && questions == null)) {
            throw new IllegalArgumentException("warm-up needs threads >= 1, a budget >= 0 and questions when on");
        }
        this.budget = budget;
        this.questions = questions;
        this.threads = threads;
        this.progress = new AtomicReference<>(new Progress(budget.isZero() ? "off" : "pending", 0, 0, 0, 0, null, null, null,
                (int) budget.toSeconds()));
    }

    /** No warm-up ({@code ADVISOR_WARMUP_SECONDS=0}). */
    public static Warmup off() {
        return new Warmup(Duration.ZERO, null, 1);
    }

    /** Whether runs do anything (a budget above zero). */
    public boolean enabled() {
        return !budget.isZero();
    }

    /** The current or last run's progress. */
    public Progress progress() {
        return progress.get();
    }

    /**
     * Asks {@code snapshot} questions until latency is flat or the budget is spent; returns at once when off. Never
     * throws: a failing question ends the run ({@code failed}, logged), as a snapshot that cannot answer would fail
     * its traffic too, and warming is worth less than serving.
     *
     * @return the run's final progress
     */
    public Progress run(IndexSnapshot snapshot) {
        if (!enabled()) {
            return progress.get();
        }
        long t0 = System.nanoTime();
        long deadline = t0 + budget.toNanos();
        long generation = snapshot.generation();
        int budgetSeconds = (int) budget.toSeconds();
        progress.set(new Progress("warming", generation, 0, 0, 0, null, null, null, budgetSeconds));
        Plateau plateau = new Plateau(MIN_GAIN, PATIENCE, WINDOW);
        WarmupQuestions asking = questions.apply(snapshot);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon(generation));
        long asked = 0;
        int batches = 0;
        Double last = null;
        Double lastCpu = null;
        String stoppedBy = "budget";
        String state = "done";
        try {
            while (System.nanoTime() < deadline) {
                List<Future<long[]>> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    String question = asking.question(next.getAndIncrement());
                    batch.add(pool.submit(() -> timed(snapshot, question, deadline)));
                }
                List<long[]> timings = new ArrayList<>(BATCH);
                for (Future<long[]> f : batch) {
                    long[] t = f.get();
                    if (t != null) {
                        timings.add(t);
                    }
                }
                if (timings.isEmpty()) {
                    break; // the budget ran out before any question of this batch started
                }
                asked += timings.size();
                batches++;
                last = medianMs(timings, 0);
                lastCpu = medianMs(timings, 1);
                log.debug("warm-up generation {} batch {}: median {} ms, {} ms CPU", generation, batches, last, lastCpu);
                progress.set(new Progress("warming", generation, asked, batches, ms(t0), last, lastCpu, null,
                        budgetSeconds));
                boolean flat = plateau.add(lastCpu > 0 ? lastCpu : last); // no thread CPU clock: -1
                if (flat && next.get() >= MIN_QUESTIONS) {
                    stoppedBy = "plateau";
                    break;
                }
            }
        } catch (ExecutionException e) {
            log.warn("warm-up of generation {} stopped: a question failed", generation, e.getCause());
            state = "failed";
            stoppedBy = "error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "failed";
            stoppedBy = "error";
        } finally {
            pool.shutdownNow();
        }
        Progress done = new Progress(state, generation, asked, batches, ms(t0), last, lastCpu, stoppedBy, budgetSeconds);
        progress.set(done);
        log.info("warm-up of generation {}: {} questions in {} batches, {} ms, last batch median {} ms ({} ms CPU), "
                        + "stopped by {}", generation, asked, batches, done.elapsedMs(),
                last == null ? "-" : String.format("%.2f", last), lastCpu == null ? "-" : String.format("%.2f", lastCpu),
                stoppedBy);
        return done;
    }

    /**
     * A question's wall-clock and thread CPU time, nanoseconds; null when the budget ran out before it started.
     */
    private static long[] timed(IndexSnapshot snapshot, String question, long deadline) {
        long start = System.nanoTime();
        if (start >= deadline) {
            return null;
        }
        long cpu = CPU.getCurrentThreadCpuTime();
        ChatService.rehearse(snapshot, question);
        return new long[] {System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpu};
    }

    /** The median of column {@code i} of {@code timings}, milliseconds. */
    private static double medianMs(List<long[]> timings, int i) {
        return Plateau.median(timings.stream().mapToDouble(t -> t[i]).sorted().toArray()) / 1e6;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static java.util.concurrent.ThreadFactory daemon(long generation) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "warmup-" + generation + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
