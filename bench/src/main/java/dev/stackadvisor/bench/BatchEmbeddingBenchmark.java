package dev.stackadvisor.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.stackadvisor.index.MiniLmEmbeddingModel;
import dev.stackadvisor.index.QueryTokens;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MiniLM embeddings per second when {@code batch} questions share one inference: the work of the query-embedding
 * batcher's workers without the queue ({@code EmbeddingBatcher}). Each call tokenises the next {@code batch}
 * questions (as a request thread does) and embeds them:
 * <ul>
 *   <li>{@code padding=one}: one inference, every question padded to the longest;</li>
 *   <li>{@code padding=grouped}: sorted by length and split into the cheapest padded groups
 *       ({@code LengthGroups}), as the batcher does ({@link MiniLmEmbeddingModel#embedBatch}).</li>
 * </ul>
 * Read the {@code embeddings} line (embeddings per second; the primary score counts calls). {@code batch=1} is the
 * one-at-a-time cost of this path; {@code EmbeddingBenchmark -p model=server} is langchain4j's own one-at-a-time
 * path (the ceiling of {@code bench/load.sh}). Short questions: the twenty fixtures by default, or
 * {@code questions=PATH} ({@code bench/questions.py}, framework names removed as the server does). Run with
 * {@code -t 1} (one worker, one core) or {@code -t 2} (the server's two workers on two cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchEmbeddingBenchmark {

    @Param({"1", "4", "8", "16", "32"})
    public int batch;

    @Param({"grouped"})
    public String padding;

    @Param({""})
    public String questions;

    private MiniLmEmbeddingModel model;
    private List<String> texts = Fixtures.QUESTIONS;

    /** Embeddings made, per second in JMH's report. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long embeddings;

        @Setup(Level.Iteration)
        public void reset() {
            embeddings = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        if (!padding.equals("one") && !padding.equals("grouped")) {
            throw new IllegalArgumentException("padding must be one or grouped, got " + padding);
        }
        if (!questions.isEmpty()) {
            QueryAnalyzer analyzer = Fixtures.uncachedPipeline("keyword").analyzer();
            texts = Files.readAllLines(Path.of(questions)).stream().filter(line -> !line.isBlank())
                    .map(analyzer::embeddingText).toList();
        }
        model = new MiniLmEmbeddingModel(1);
    }

    @Benchmark
    public Object embed(Cycle cycle, Counts counts) {
        List<String> next = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            next.add(texts.get(cycle.next(texts.size())));
        }
        counts.embeddings += batch;
        if (padding.equals("grouped")) {
            List<Embedding> out = model.embedBatch(next);
            return out;
        }
        List<QueryTokens> tokens = next.stream().map(t -> model.tokenize(t).orElseThrow()).toList();
        return model.embedTokenized(tokens);
    }
}
