package dev.stackadvisor.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits questions that are to be embedded together into groups that are each one padded inference, so that
 * padding costs less than the extra inferences would.
 *
 * <p>A batched inference pads every question to the longest of its batch, and the work grows with
 * {@code questions × longest}: a batch of 16 questions of 17 to 35 tokens (the spread of real questions, framework
 * names removed) spends about a fifth of its work on padding. Each inference also has a fixed cost, worth
 * {@link #RUN_OVERHEAD_TOKENS} tokens. Sorted by length, the cheapest split into consecutive groups under the cost
 * {@code overhead + size × longest} is found exactly by dynamic programming (n ≤ a few hundred, O(n²)).
 */
public final class LengthGroups {

    /**
     * The fixed cost of one ONNX inference in token-equivalents: a lone 25-token question costs about as much as
     * 41 tokens of a large batch (MiniLM on one core, 1 intra-op thread; {@code BatchEmbeddingBenchmark},
     * docs/benchmarks.md). Larger values make fewer, more padded groups.
     */
    public static final int RUN_OVERHEAD_TOKENS = 16;

    private LengthGroups() {
    }

    /**
     * {@code sorted} cut into the cheapest groups ({@link #split(int[])}): views of the list, in order.
     *
     * @param sorted items in ascending {@code length}, at least one
     */
    public static <T> List<List<T>> of(List<T> sorted, ToIntFunction<T> length) {
        int[] lengths = sorted.stream().mapToInt(length).toArray();
        return split(lengths).stream().map(g -> sorted.subList(g[0], g[1])).toList();
    }

    /** {@link #split(int[], int)} with {@link #RUN_OVERHEAD_TOKENS}. */
    public static List<int[]> split(int[] sortedLengths) {
        return split(sortedLengths, RUN_OVERHEAD_TOKENS);
    }

    /**
     * The cheapest split of questions sorted by length into consecutive groups.
     *
     * @param sortedLengths token counts in ascending order (not checked beyond that), at least one
     * @param overhead      the fixed cost of one inference in tokens, ≥ 0 (0 = every distinct length its own group)
     * @return {@code [from, to)} index ranges into {@code sortedLengths}, in order, covering it exactly
     * @throws IllegalArgumentException when the lengths are empty or not ascending, or the overhead is negative
     */
    public static List<int[]> split(int[] sortedLengths, int overhead) {
        int n = sortedLengths.length;
        if (n == 0 || overhead < 0) {
            throw new IllegalArgumentException("need at least one length and an overhead >= 0");
        }
        for (int i = 1; i < n; i++) {
            if (sortedLengths[i] < sortedLengths[i - 1]) {
                throw new IllegalArgumentException("lengths must be ascending");
            }
        }
        long[] best = new long[n + 1];      // best[i]: cheapest cost of the first i questions
        int[] start = new int[n + 1];       // where the last group of that split starts
        for (int i = 1; i <= n; i++) {
            best[i] = Long.MAX_VALUE;
            for (int j = i - 1; j >= 0; j--) {
                // the group j..i-1 is padded to its longest, the last one
                long cost = best[j] + overhead + (long) (i - j) * sortedLengths[i - 1];
                if (cost < best[i]) {  // strict: among equal costs the longest group (smallest j) wins last
                    best[i] = cost;
                    start[i] = j;
                } else if (cost == best[i]) {
                    start[i] = j;
                }
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (int i = n; i > 0; i = start[i]) {
            groups.add(0, new int[] {start[i], i});
        }
        return groups;
    }
}
