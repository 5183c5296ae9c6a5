package dev.stackadvisor.bench;

import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.ScoredPassage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (b) BM25 over the corpus passages with {@link KeywordIndex}: top 30 (the candidates retrieval fuses), for
 * questions already analysed ({@code search}) and including the EnglishAnalyzer pass ({@code analyzeAndSearch}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KeywordSearchBenchmark {

    static final int TOP = 30;

    private KeywordIndex index;
    private final List<Map<String, Double>> analysed = new ArrayList<>();

    @Setup
    public void setUp() {
        index = new KeywordIndex(Fixtures.corpus().passages());
        for (String q : Fixtures.QUESTIONS) {
            analysed.add(weights(index, q));
        }
    }

    static Map<String, Double> weights(KeywordIndex index, String q) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String t : index.terms(q)) {
            w.put(t, 1.0);
        }
        return w;
    }

    @Benchmark
    public List<ScoredPassage> search(Cycle cycle) {
        return index.search(analysed.get(cycle.next(analysed.size())), null, TOP);
    }

    @Benchmark
    public List<ScoredPassage> analyzeAndSearch(Cycle cycle) {
        return index.search(weights(index, Fixtures.QUESTIONS.get(cycle.next(Fixtures.QUESTIONS.size()))), null, TOP);
    }
}
