package dev.stackadvisor.bench;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * (d) langchain4j's {@link ReciprocalRankFuser} on two 30-item rankings (BM25 and dense candidates), k = 60: the
 * reference that {@code retrieval.ReciprocalRankFusion} (which the server calls, and which also returns the scores)
 * is held to. The lists are drawn from a pool of 60 passages with a fixed seed, so
 * they overlap partly, like real BM25 and dense rankings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FusionBenchmark {

    private List<List<Content>> lists;

    @Setup
    public void setUp() {
        List<Content> pool = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pool.add(Content.from(TextSegment.from("passage text " + i, Metadata.from("passageId", "p" + i))));
        }
        Random random = new Random(42);
        List<Content> a = new ArrayList<>(pool);
        Collections.shuffle(a, random);
        List<Content> b = new ArrayList<>(pool);
        Collections.shuffle(b, random);
        lists = List.of(List.copyOf(a.subList(0, 30)), List.copyOf(b.subList(0, 30)));
    }

    @Benchmark
    public List<Content> fuseTwo30ItemLists() {
        return ReciprocalRankFuser.fuse(lists, 60);
    }
}
