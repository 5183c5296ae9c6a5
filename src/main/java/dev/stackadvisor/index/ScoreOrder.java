package dev.stackadvisor.index;

/**
 * Orders the entries of a score array best first without boxing: the ranking step of every query (373 dense scores,
 * up to 373 BM25 matches), where sorting {@code Integer[]} positions with a comparator cost 0.6 % of the server's
 * CPU under uncached load (async-profiler, docs/benchmarks.md). A merge sort over {@code int[]} positions.
 */
public final class ScoreOrder {

    /** Below this many entries a run is sorted by insertion (fewer moves than merging tiny runs). */
    private static final int INSERTION = 24;

    private ScoreOrder() {
    }

    /**
     * Positions {@code 0..n-1} of {@code scores}, highest score first as {@link Double#compare} orders them; equal
     * scores by the smaller {@code tie} value, or, when {@code tie} is null, by the smaller position.
     *
     * @param scores the scores, at least {@code n} long
     * @param tie    a tie-break key per position (e.g. Lucene doc ids), at least {@code n} long, or null
     * @param n      how many entries, from 0
     * @return int[n], a permutation of 0..n-1
     * @throws IllegalArgumentException when n is negative or longer than an array
     */
    public static int[] descending(double[] scores, int[] tie, int n) {
        if (n < 0 || n > scores.length || (tie != null && n > tie.length)) {
            throw new IllegalArgumentException("n = " + n + " for " + scores.length + " scores");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int from = 0; from < n; from += INSERTION) {
            insertion(order, from, Math.min(n, from + INSERTION), scores, tie);
        }
        int[] buffer = new int[n];
        for (int width = INSERTION; width < n; width *= 2) {
            for (int from = 0; from < n - width; from += 2 * width) {
                merge(order, buffer, from, from + width, Math.min(n, from + 2 * width), scores, tie);
            }
        }
        return order;
    }

    private static void insertion(int[] order, int from, int to, double[] scores, int[] tie) {
        for (int i = from + 1; i < to; i++) {
            int x = order[i];
            int j = i - 1;
            while (j >= from && before(x, order[j], scores, tie)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    /** Merges the sorted runs [from, mid) and [mid, to) of {@code order}; the left one wins ties (stable). */
    private static void merge(int[] order, int[] buffer, int from, int mid, int to, double[] scores, int[] tie) {
        if (!before(order[mid], order[mid - 1], scores, tie)) {
            return; // already in order
        }
        System.arraycopy(order, from, buffer, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            order[k++] = before(buffer[j], buffer[i], scores, tie) ? buffer[j++] : buffer[i++];
        }
        while (i < mid) {
            order[k++] = buffer[i++];
        }
        while (j < to) {
            order[k++] = buffer[j++];
        }
    }

    /** Whether position {@code a} goes strictly before position {@code b}. */
    private static boolean before(int a, int b, double[] scores, int[] tie) {
        int c = Double.compare(scores[b], scores[a]);
        if (c != 0) {
            return c < 0;
        }
        return tie == null ? a < b : tie[a] < tie[b];
    }
}
