package dev.stackadvisor.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
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

/** (a) Embedding one question with all-MiniLM-L6-v2 (tokenise + ONNX inference + pooling), as hybrid retrieval does per turn. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EmbeddingBenchmark {

    private AllMiniLmL6V2EmbeddingModel model;
    private final List<String> questions = Fixtures.QUESTIONS;

    @Setup
    public void setUp() {
        model = new AllMiniLmL6V2EmbeddingModel();
    }

    @Benchmark
    public Embedding embedQuery(Cycle cycle) {
        return model.embed(questions.get(cycle.next(questions.size()))).content();
    }
}
