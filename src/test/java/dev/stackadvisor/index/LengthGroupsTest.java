package dev.stackadvisor.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The split of a drained batch into padded inferences: exact minimum cost, groups that cover the input in order. */
class LengthGroupsTest {

    @ParameterizedTest(name = "lengths {0}, overhead {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "25;16;0-1",                               // one question, one group
            "20 20 20 20;16;0-4",                      // equal lengths: never split
            "20 21 22 23;16;0-4",                      // close lengths: padding is cheaper than a second run
            "17 35;16;0-1 1-2",                        // 16+17+16+35 = 84 < 16+2*35 = 86
            "17 35;20;0-2",                            // a dearer run: 20+2*35 = 90 < 20+17+20+35 = 92
            "17 18 19 20 33 34 35 35;16;0-4 4-8",      // two clusters, two runs
            "10 500;16;0-1 1-2",                       // a long question does not drag a short one along
            "5 6 7;0;0-1 1-2 2-3"})                    // no run cost: no padding at all
    void should_split_where_padding_costs_more_than_a_run(String lengths, int overhead, String expected) {
        int[] sorted = Arrays.stream(lengths.split(" ")).mapToInt(Integer::parseInt).toArray();
        String got = String.join(" ", LengthGroups.split(sorted, overhead).stream().map(g -> g[0] + "-" + g[1]).toList());
        assertEquals(expected, got);
    }

    @Test
    void should_find_the_cheapest_split_of_any_sorted_lengths() {
        Random random = new Random(14);
        for (int trial = 0; trial < 300; trial++) {
            int[] lengths = random.ints(1 + random.nextInt(10), 3, 60).sorted().toArray();
            int overhead = random.nextInt(40);
            List<int[]> groups = LengthGroups.split(lengths, overhead);
            int next = 0;
            for (int[] g : groups) {
                assertEquals(next, g[0], "groups are consecutive");
                next = g[1];
            }
            assertEquals(lengths.length, next, "groups cover every question");
            assertEquals(bruteForce(lengths, overhead), cost(lengths, groups, overhead), Arrays.toString(lengths));
        }
    }

    @Test
    void should_reject_unsorted_or_empty_lengths() {
        assertThrows(IllegalArgumentException.class, () -> LengthGroups.split(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> LengthGroups.split(new int[] {30, 20}));
        assertThrows(IllegalArgumentException.class, () -> LengthGroups.split(new int[] {20}, -1));
        assertArrayEquals(new int[] {0, 1}, LengthGroups.split(new int[] {7}).get(0));
    }

    private static long cost(int[] lengths, List<int[]> groups, int overhead) {
        long c = 0;
        for (int[] g : groups) {
            c += overhead + (long) (g[1] - g[0]) * lengths[g[1] - 1];
        }
        return c;
    }

    /** Every way to cut the sequence (2^(n-1) of them), cheapest cost. */
    private static long bruteForce(int[] lengths, int overhead) {
        int n = lengths.length;
        long best = Long.MAX_VALUE;
        for (int cuts = 0; cuts < 1 << (n - 1); cuts++) {
            List<int[]> groups = new ArrayList<>();
            int from = 0;
            for (int i = 1; i < n; i++) {
                if ((cuts & 1 << (i - 1)) != 0) {
                    groups.add(new int[] {from, i});
                    from = i;
                }
            }
            groups.add(new int[] {from, n});
            best = Math.min(best, cost(lengths, groups, overhead));
        }
        return best;
    }
}
