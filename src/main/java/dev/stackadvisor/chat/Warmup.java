package dev.stackadvisor.chat;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
 * Warms a snapshot before it takes traffic: asks it generated questions ({@link WarmupQuestions}) until per-request
 * cost has stopped falling and the JIT compilers have gone quiet, or the budget ({@code ADVISOR_WARMUP_SECONDS}) runs
 * out. At start-up the questions go through the server's own {@code POST /api/chat} on loopback (an {@link Asker}
 * the server gives: HTTP server, JSON, filters, the whole chat turn); a re-indexed snapshot, which no request can
 * reach before it is swapped in, is asked in process ({@link #IN_PROCESS}: analysis, both retrievers, gate, answer
 * selection, composer). A fresh JVM served its first minute at about half speed while the JIT compiled (issue 22); a
 * re-indexed snapshot reuses the compiled code, so its warm-up ends within a few batches once past
 * {@link #MIN_QUESTIONS}.
 *
 * <p><b>When to stop.</b> Questions go in batches of {@link #BATCH}, run on {@code threads} threads at once (the
 * server gives one per core: more starve the JIT compiler threads of CPU, and it never finishes). Two figures per
 * batch: the process CPU time per question (all threads: the server's, ONNX Runtime's, the compilers'; blind to
 * other processes on a shared machine), which is what the JIT brings down, and the share of the batch's wall time
 * the JIT compilers spent compiling (HotSpot's compile time, elapsed: a compiler thread waiting for a core counts).
 * The run stops when both hold: the CPU per question is flat ({@link Plateau}: for {@link #PATIENCE} batches in a
 * row the median of the last {@link #WINDOW} batch figures has not fallen more than {@link #MIN_GAIN} below where it
 * last fell that much), and the JIT is quiet ({@link JitQuiet}: for {@link #PATIENCE} batches in a row, the compile
 * time of the last {@link #WINDOW} batches was at most {@link #JIT_QUIET} of their wall time); and not before
 * {@link #MIN_QUESTIONS} questions. Where the rules come from
 * (docs/benchmarks.md, issue 22, measured on a 2-core machine shared with other builds): a rule on the asking
 * thread's CPU alone stopped at ~5,000 questions while the compilers still took half a core in the first 10 s of real
 * traffic; wall-clock medians jumped 30–150 % between batches when other processes took the cores.
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
    /** Batch figures the plateau's figure is the median of, and batches the JIT's share is taken over. */
    static final int WINDOW = 5;
    /**
     * The JIT counts as quiet at or below this share of wall-clock time spent compiling (0.05: 5 % of one compiler
     * thread). Measured (issue 22, {@code bench/jit_windows.sh}): the compilers took 0.3–0.5 of a core in the first
     * 10 s of traffic after a warm-up that stopped too early, and under 0.04 after a minute of load.
     */
    static final double JIT_QUIET = 0.05;
    /**
     * Questions this process must have asked (in all its runs) before a run may stop: HotSpot's C2 compiles a method
     * once it was called about 5000 times ({@code -XX:Tier4InvocationThreshold}), and the methods the answer path
     * calls once per question are called once per question. A floor, not the stopping rule: on 2 cores the JIT went
     * quiet only after 15,000–20,000 questions (docs/benchmarks.md, issue 22). The compiled code outlives a
     * snapshot, so a re-index's warm-up, after the start-up one, stops on the two rules alone.
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
     * @param lastBatchCpuMs the process's CPU time per question in the last batch, milliseconds (all threads): what
     *                      the plateau rule reads; null before the first or without a process CPU clock
     * @param jitShare      the share of the last {@link #WINDOW} batches' wall time the JIT compilers spent
     *                      compiling (0.5 = half of one compiler thread); null before the first or when the JVM does
     *                      not report compile time
     * @param stoppedBy     {@code plateau}, {@code budget} or {@code error}; null while warming
     * @param budgetSeconds {@code ADVISOR_WARMUP_SECONDS}
     */
    public record Progress(String state, long generation, long questions, int batches, long elapsedMs,
                           Double lastBatchMs, Double lastBatchCpuMs, Double jitShare, String stoppedBy,
                           int budgetSeconds) {
    }

    /**
     * Asks one warm-up question; what is answered is thrown away.
     */
    @FunctionalInterface
    public interface Asker {
        /**
         * @param snapshot the snapshot being warmed
         * @throws Exception when the question could not be answered: the run stops ({@code failed})
         */
        void ask(IndexSnapshot snapshot, String question) throws Exception;
    }

    /**
     * Asks in this process ({@link ChatService#rehearse}): the answer path without the HTTP server around it. What a
     * re-indexed snapshot is warmed with, as no request can reach it before it is swapped in.
     */
    public static final Asker IN_PROCESS = ChatService::rehearse;

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    /**
     * The process's CPU clock: all its threads, the JIT compilers', GC's and ONNX Runtime's included; null on a JVM
     * without {@code com.sun.management} (then the wall-clock median is the plateau's figure).
     */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os : null;

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
        this.progress = new AtomicReference<>(new Progress(budget.isZero() ? "off" : "pending", 0, 0, 0, 0, null, null,
                null, null, (int) budget.toSeconds()));
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
        return run(snapshot, IN_PROCESS);
    }

    /**
     * As {@link #run(IndexSnapshot)}, asking through {@code asker}: at start-up, requests to the server's own
     * {@code POST /api/chat} on loopback, so that the JIT also compiles the HTTP server, JSON, the route's filters
     * and the whole chat turn before the first user request (issue 22).
     */
    public Progress run(IndexSnapshot snapshot, Asker asker) {
        if (!enabled()) {
            return progress.get();
        }
        long t0 = System.nanoTime();
        long deadline = t0 + budget.toNanos();
        long generation = snapshot.generation();
        int budgetSeconds = (int) budget.toSeconds();
        progress.set(new Progress("warming", generation, 0, 0, 0, null, null, null, null, budgetSeconds));
        Plateau plateau = new Plateau(MIN_GAIN, PATIENCE, WINDOW);
        JitQuiet jitQuiet = new JitQuiet(JIT_QUIET, WINDOW, PATIENCE);
        WarmupQuestions asking = questions.apply(snapshot);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon(generation));
        long asked = 0;
        int batches = 0;
        Double last = null;
        Double lastCpu = null;
        Double jitShare = null;
        String stoppedBy = "budget";
        String state = "done";
        try {
            while (System.nanoTime() < deadline) {
                long cpu0 = processCpuNs();
                long jit0 = compileMs();
                long wall0 = System.nanoTime();
                List<Future<Long>> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    String question = asking.question(next.getAndIncrement());
                    batch.add(pool.submit(() -> timed(asker, snapshot, question, deadline)));
                }
                List<Long> timings = new ArrayList<>(BATCH);
                for (Future<Long> f : batch) {
                    Long t = f.get();
                    if (t != null) {
                        timings.add(t);
                    }
                }
                if (timings.isEmpty()) {
                    break; // the budget ran out before any question of this batch started
                }
                long cpu1 = processCpuNs();
                long jit1 = compileMs();
                double wallMs = (System.nanoTime() - wall0) / 1e6;
                asked += timings.size();
                batches++;
                last = Plateau.median(timings.stream().mapToDouble(t -> t / 1e6).sorted().toArray());
                lastCpu = cpu0 < 0 || cpu1 < 0 ? null : (cpu1 - cpu0) / 1e6 / timings.size();
                boolean quiet = true; // a JVM that does not time its compiler: latency alone decides
                if (jit0 >= 0 && jit1 >= 0) {
                    quiet = jitQuiet.add(jit1 - jit0, wallMs);
                    jitShare = jitQuiet.share();
                }
                log.debug("warm-up generation {} batch {}: median {} ms, {} ms process CPU per question, JIT share {}",
                        generation, batches, last, lastCpu, jitShare);
                progress.set(new Progress("warming", generation, asked, batches, ms(t0), last, lastCpu, jitShare, null,
                        budgetSeconds));
                boolean flat = plateau.add(lastCpu != null ? lastCpu : last);
                if (flat && quiet && next.get() >= MIN_QUESTIONS) {
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
        Progress done = new Progress(state, generation, asked, batches, ms(t0), last, lastCpu, jitShare, stoppedBy,
                budgetSeconds);
        progress.set(done);
        log.info("warm-up of generation {}: {} questions in {} batches, {} ms, last batch median {} ms ({} ms process "
                        + "CPU per question, JIT share {}), stopped by {}", generation, asked, batches, done.elapsedMs(),
                last == null ? "-" : String.format("%.2f", last), lastCpu == null ? "-" : String.format("%.2f", lastCpu),
                jitShare == null ? "-" : String.format("%.3f", jitShare), stoppedBy);
        return done;
    }

    /** A question's wall-clock time, nanoseconds; null when the budget ran out before it started. */
    private static Long timed(Asker asker, IndexSnapshot snapshot, String question, long deadline) throws Exception {
        long start = System.nanoTime();
        if (start >= deadline) {
            return null;
        }
        asker.ask(snapshot, question);
        return System.nanoTime() - start;
    }

    /** Nanoseconds of CPU the process has used; -1 when not reported. */
    private static long processCpuNs() {
        return CPU == null ? -1 : CPU.getProcessCpuTime();
    }

    /** Milliseconds the JIT compilers have spent compiling since the JVM started; -1 when not reported. */
    private static long compileMs() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
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
