package dev.stackadvisor.bench;

import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.retrieval.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two halves of a turn on their own, per retrieval mode, without the server's caches (so the query is
 * embedded on every call in hybrid mode): {@code retrieve} (question analysis + BM25
 * [+ query embedding + dense scan] + fusion + per-framework evidence + relevance gate) and (e) {@code compose}
 * (the extractive composer alone, on evidence retrieved once in set-up).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PipelineBenchmark {

    @Param({"keyword", "hybrid"})
    public String retrieval;

    private Fixtures.Pipeline pipeline;
    private final List<Evidence> evidence = new ArrayList<>();

    @Setup
    public void setUp() {
        pipeline = Fixtures.uncachedPipeline(retrieval);
        for (String q : Fixtures.QUESTIONS) {
            evidence.add(pipeline.retriever().retrieve(pipeline.analyzer().analyze(q, null)));
        }
    }

    @Benchmark
    public Evidence retrieve(Cycle cycle) {
        String q = Fixtures.QUESTIONS.get(cycle.next(Fixtures.QUESTIONS.size()));
        return pipeline.retriever().retrieve(pipeline.analyzer().analyze(q, null));
    }

    @Benchmark
    public Answer compose(Cycle cycle) {
        return pipeline.composer().compose(evidence.get(cycle.next(evidence.size())));
    }
}
