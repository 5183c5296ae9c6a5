package dev.stackadvisor.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link ScoreOrder} must order exactly as the boxed, comparator-based stable sort it replaced: scores descending
 * by {@link Double#compare} (so NaN first and 0.0 before -0.0), ties by the tie-break key or by position.
 * Generated scores come from a small set so that ties, the case a ranking must keep reproducible, are common.
 */
class ScoreOrderTest {

    private static final double[] VALUES = {0.9, 0.5, 0.5000000000000001, 0.25, 0.0, -0.0, -0.3, 1e-300, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Provide
    Arbitrary<double[]> scores() {
        return Arbitraries.integers().between(0, VALUES.length - 1).list().ofMaxSize(400)
                .map(indexes -> indexes.stream().mapToDouble(i -> VALUES[i]).toArray());
    }

    private static int[] reference(double[] scores, int[] tie, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> byScore = (a, b) -> Double.compare(scores[b], scores[a]);
        Arrays.sort(order, tie == null ? byScore : byScore.thenComparingInt(i -> tie[i])); // stable
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    @Property(tries = 1_000)
    void should_order_as_the_stable_comparator_sort(@ForAll("scores") double[] scores, @ForAll @IntRange(max = 400) int cut) {
        int n = Math.min(cut, scores.length);
        assertArrayEquals(reference(scores, null, n), ScoreOrder.descending(scores, null, n), Arrays.toString(scores));
    }

    @Property(tries = 1_000)
    void should_break_ties_by_the_key(@ForAll("scores") double[] scores) {
        // distinct keys in an order unrelated to position, as Lucene doc ids from several segments would be
        List<Integer> keys = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            keys.add((i * 7919) % 10007);
        }
        int[] tie = keys.stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(reference(scores, tie, scores.length), ScoreOrder.descending(scores, tie, scores.length));
    }

    @Test
    void should_reject_a_count_longer_than_the_scores() {
        assertThrows(IllegalArgumentException.class, () -> ScoreOrder.descending(new double[3], null, 4));
        assertThrows(IllegalArgumentException.class, () -> ScoreOrder.descending(new double[3], new int[2], 3));
        assertThrows(IllegalArgumentException.class, () -> ScoreOrder.descending(new double[3], null, -1));
    }
}
