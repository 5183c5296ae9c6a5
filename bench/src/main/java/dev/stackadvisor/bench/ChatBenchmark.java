package dev.stackadvisor.bench;

import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.chat.ChatService;
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
 * (c) One whole turn, {@code ChatService.chat(question, null)}: new session, analysis, retrieval, extractive
 * answer, session append — everything {@code POST /api/chat} does except HTTP and JSON.
 *
 * <p>{@code caches=server}: the services exactly as {@code ServiceFactory.build} makes them for the server. It
 * caches first-turn answers by question, so with twenty questions cycled this measures the cache-hit path
 * (analysis + lookup + session). {@code caches=off}: the same wiring with the answer and query-embedding
 * caches turned off ({@link Fixtures#uncachedPipeline}), i.e. the cost of a question never asked before.
 * {@code caches=embeddings}: only the answer cache off ({@link Fixtures#embeddedPipeline}); with twenty questions
 * cycled every query embedding is a cache hit after the first round, so in hybrid mode this is what a question
 * never asked before costs besides its one MiniLM inference: the server's overhead on top of the embedding
 * ceiling ({@code EmbeddingBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChatBenchmark {

    @Param({"keyword", "hybrid"})
    public String retrieval;

    @Param({"off", "server", "embeddings"})
    public String caches;

    private ChatService chat;

    @Setup
    public void setUp() {
        chat = switch (caches) {
            case "server" -> Fixtures.services(retrieval).chat();
            case "embeddings" -> Fixtures.embeddedPipeline(retrieval).chat();
            default -> Fixtures.uncachedPipeline(retrieval).chat();
        };
    }

    @Benchmark
    public ChatReply chat(Cycle cycle) {
        return chat.chat(Fixtures.QUESTIONS.get(cycle.next(Fixtures.QUESTIONS.size())), null);
    }
}
