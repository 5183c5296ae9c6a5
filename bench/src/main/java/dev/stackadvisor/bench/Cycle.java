package dev.stackadvisor.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Per-thread position in the question list: each invocation takes the next question, round robin. */
@State(Scope.Thread)
public class Cycle {
    private int i;

    /** The next index in {@code [0, n)}. */
    public int next(int n) {
        int v = i;
        i = v + 1 == n ? 0 : v + 1;
        return v;
    }
}
