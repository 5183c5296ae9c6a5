package dev.stackadvisor.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.stackadvisor.index.MiniLmEmbeddingModel;
import dev.stackadvisor.retrieval.QueryAnalyzer;
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
 * (a) Embedding one question with all-MiniLM-L6-v2 (tokenise + ONNX inference + pooling), as hybrid retrieval does
 * per turn. {@code model=server} is the model as the server runs it ({@link MiniLmEmbeddingModel}, 1 intra-op
 * thread, no spinning); {@code model=langchain4j} is langchain4j's {@code AllMiniLmL6V2EmbeddingModel} with ONNX
 * Runtime's defaults (one intra-op thread per core, spinning). Run with {@code -t 2 -bm thrpt} for the raw
 * embeddings per second that bound uncached chat throughput on two cores. {@code questions=PATH} embeds the
 * questions of that file (one per line, e.g. from {@code bench/questions.py}) as the server does, framework
 * names removed ({@code QueryAnalyzer.embeddingText}), instead of the twenty fixed ones: the ceiling
 * for a load run on the same file ({@code bench/load.sh hybrid fresh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EmbeddingBenchmark {

    @Param({"server", "langchain4j"})
    public String model;

    @Param({""})
    public String questions;

    private EmbeddingModel embedder;
    private List<String> texts = Fixtures.QUESTIONS;

    @Setup
    public void setUp() throws java.io.IOException {
        if (!questions.isEmpty()) {
            QueryAnalyzer analyzer = Fixtures.uncachedPipeline("keyword").analyzer();
            texts = java.nio.file.Files.readAllLines(java.nio.file.Path.of(questions)).stream()
                    .filter(line -> !line.isBlank()).map(analyzer::embeddingText).toList();
        }
        embedder = model.equals("server") ? new MiniLmEmbeddingModel(1) : new AllMiniLmL6V2EmbeddingModel();
    }

    @Benchmark
    public Embedding embedQuery(Cycle cycle) {
        return embedder.embed(texts.get(cycle.next(texts.size()))).content();
    }
}
