package dev.stackadvisor.chat;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Says when HotSpot's JIT compilers have gone quiet under the warm-up's load. It is fed, per warm-up batch, the
 * milliseconds the compiler threads spent compiling during it ({@code CompilationMXBean#getTotalCompilationTime},
 * summed over the compiler threads) and the batch's wall-clock milliseconds; its figure is the compile time of the
 * last {@code window} batches as a share of their wall-clock time (1.0 = one compiler thread busy all along). The
 * JIT is quiet once that share has stayed at or below {@code maxShare} for {@code patience} batches in a row.
 *
 * <p>Why the warm-up needs it (issue 22, measured with {@code bench/jit_windows.sh}): while the C2 queue is long,
 * HotSpot raises the invocation counts that promote a method to C2 in proportion (its tiered policy's load
 * feedback), so methods called thousands of times stay in profiled C1 code; when the queue drains at the end of a
 * warm-up that stopped on latency alone, real traffic pushes them all over the normal threshold at once, and the
 * compilers took half a core for the first 10 s after {@code /ready}. Used by one thread.
 */
final class JitQuiet {

    private final double maxShare;
    private final int window;
    private final int patience;
    private final Deque<double[]> recent = new ArrayDeque<>();
    private int quietBatches;

    /**
     * @param maxShare the compile time, as a share of wall-clock time, at or below which the JIT counts as quiet; 0..1
     * @param window   batches the share is taken over, ≥ 1
     * @param patience batches in a row the share must stay that low, ≥ 1
     * @throws IllegalArgumentException when one is out of range
     */
    JitQuiet(double maxShare, int window, int patience) {
        if (maxShare < 0 || maxShare > 1 || window < 1 || patience < 1) {
            throw new IllegalArgumentException("maxShare must be in [0, 1], window and patience >= 1");
        }
        this.maxShare = maxShare;
        this.window = window;
        this.patience = patience;
    }

    /**
     * Adds a batch.
     *
     * @param compileMs milliseconds the compiler threads spent compiling during the batch, ≥ 0
     * @param wallMs    the batch's wall-clock milliseconds, &gt; 0
     * @return whether the JIT is now quiet
     */
    boolean add(double compileMs, double wallMs) {
        recent.addLast(new double[] {compileMs, wallMs});
        if (recent.size() > window) {
            recent.removeFirst();
        }
        quietBatches = share() <= maxShare ? quietBatches + 1 : 0;
        return quietBatches >= patience;
    }

    /** The compile time of the last {@code window} batches as a share of their wall-clock time; 0 before any. */
    double share() {
        double compile = 0;
        double wall = 0;
        for (double[] b : recent) {
            compile += b[0];
            wall += b[1];
        }
        return wall <= 0 ? 0 : compile / wall;
    }
}
