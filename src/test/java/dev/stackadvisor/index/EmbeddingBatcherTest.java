package dev.stackadvisor.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.stackadvisor.testing.EndToEnd;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Batched query embeddings must be the one-at-a-time ones (to 1e-5), whatever the batch and its padding; the
 * batcher must batch concurrent questions, run a lone one without waiting for company, and refuse past its queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
@EndToEnd
class EmbeddingBatcherTest {

    private static final String[] OPENINGS = {"fastify vs nestjs", "is django good", "which framework should we use",
            "what are the weaknesses", "monolith or microservices", "compare the two", "how do I choose a backend"};
    private static final String[] CLAUSES = {"for an ecommerce site", "with a team of five Python developers",
            "that must pass SOC 2 audits", "on a tight budget", "with heavy background jobs and many webhooks",
            "that streams live updates to thousands of browsers", "for a fintech startup MVP", "in 2026",
            "with strict type safety and good observability", "that needs an admin panel and an ORM with migrations"};

    private MiniLmEmbeddingModel model;
    private final List<EmbeddingBatcher> batchers = new ArrayList<>();

    @BeforeAll
    void load() {
        model = new MiniLmEmbeddingModel(1);
    }

    @AfterAll
    void close() {
        batchers.forEach(EmbeddingBatcher::close);
    }

    /** 200 different questions from 2 to ~120 word pieces long. */
    private static List<String> questions() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder q = new StringBuilder(OPENINGS[i % OPENINGS.length]);
            for (int k = 0; k < (i * 7) % 11; k++) {
                q.append(' ').append(CLAUSES[(i + k * 3) % CLAUSES.length]);
            }
            out.add(q.append(i % 2 == 0 ? "?" : " (" + i + ")").toString());
        }
        return out;
    }

    private EmbeddingBatcher batcher(int maxBatch, Duration wait, int queue, int workers, SimpleMeterRegistry meters) {
        EmbeddingBatcher b = new EmbeddingBatcher(model, maxBatch, wait, queue, workers, meters);
        batchers.add(b);
        return b;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(384, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, what + " at " + i);
        }
    }

    @Test
    void should_embed_200_questions_of_different_lengths_in_batches_as_one_at_a_time() {
        List<String> questions = questions();
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (String q : questions) {
            int n = model.tokenize(q).orElseThrow().length();
            shortest = Math.min(shortest, n);
            longest = Math.max(longest, n);
        }
        assertTrue(shortest < 10 && longest > 60, "lengths " + shortest + ".." + longest + " make real padding");
        for (int size : new int[] {2, 7, 16, 32, 200}) {
            for (int from = 0; from < questions.size(); from += size) {
                List<String> batch = questions.subList(from, Math.min(questions.size(), from + size));
                // one inference, every question padded to the longest of the batch
                float[][] padded = model.embedTokenized(batch.stream().map(q -> model.tokenize(q).orElseThrow()).toList());
                // as the batcher does it: sorted by length, split into padded groups
                List<Embedding> grouped = model.embedBatch(batch);
                for (int i = 0; i < batch.size(); i++) {
                    float[] single = model.embed(batch.get(i)).content().vector();
                    assertClose(single, padded[i], "padded batch of " + size + ": '" + batch.get(i) + "'");
                    assertClose(single, grouped.get(i).vector(), "grouped batch of " + size + ": '" + batch.get(i) + "'");
                }
            }
        }
    }

    @Test
    void should_give_the_same_bits_as_the_single_path_for_a_batch_of_one() {
        for (String q : questions().subList(0, 20)) {
            assertArrayEquals(model.embed(q).content().vector(), model.embedBatch(List.of(q)).get(0).vector(), q);
        }
    }

    @Test
    void should_truncate_long_texts_and_leave_texts_without_word_pieces_to_langchain4js_own_path() {
        String longOne = String.join(" ", java.util.Collections.nCopies(300, "observability matters"));
        assertEquals(128, model.tokenize(longOne).orElseThrow().length(), "the tokenizer file truncates at 128 word pieces");
        String shortOne = "fastify vs nestjs?";
        List<Embedding> both = model.embedBatch(List.of(longOne, shortOne));
        assertClose(model.embed(longOne).content().vector(), both.get(0).vector(), "the long text");
        assertClose(model.embed(shortOne).content().vector(), both.get(1).vector(), shortOne);

        String nothing = "\u200b"; // not blank to Java, no word piece to the tokenizer
        assertTrue(model.tokenize(nothing).isEmpty());
        RuntimeException alone = assertThrows(RuntimeException.class, () -> model.embed(nothing));
        assertThrows(alone.getClass(), () -> model.embedBatch(List.of(shortOne, nothing)), "fails as one at a time does");
    }

    @Test
    void should_batch_concurrent_questions_and_return_each_its_own_vector() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EmbeddingBatcher batcher = batcher(16, Duration.ofMillis(1), 256, 1, meters);
        List<String> questions = questions();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> futures = new ArrayList<>();
            for (String q : questions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return batcher.embed(q).content().vector();
                }));
            }
            start.countDown();
            for (int i = 0; i < questions.size(); i++) {
                assertClose(model.embed(questions.get(i)).content().vector(), futures.get(i).get(120, TimeUnit.SECONDS),
                        "'" + questions.get(i) + "' through the batcher");
            }
        } finally {
            pool.shutdownNow();
        }
        DistributionSummary sizes = meters.get("advisor.embedding.batch.size").summary();
        assertEquals(200, (long) sizes.totalAmount(), "every question embedded once");
        assertTrue(sizes.max() > 1, "24 callers at once on one worker must share inferences; largest batch " + sizes.max());
        assertTrue(sizes.count() < 200, "fewer inferences than questions: " + sizes.count());
        assertEquals(200, meters.get("advisor.embedding.queue.wait").timer().count());
    }

    @Test
    void should_run_a_lone_question_at_once_without_waiting_out_the_batch_window() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EmbeddingBatcher batcher = batcher(16, Duration.ofSeconds(1), 256, 2, meters);
        List<String> questions = questions().subList(0, 5);
        long start = System.nanoTime();
        for (String q : questions) {
            assertArrayEquals(model.embed(q).content().vector(), batcher.embed(q).content().vector(), "alone: same bits");
        }
        // a worker that waited its 1 s window for company would take 5 s here; five inferences take milliseconds
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms < 2500, "five lone questions took " + ms + " ms: the batcher waited for company");
        assertEquals(5, meters.get("advisor.embedding.batch.size").summary().count());
        assertEquals(1.0, meters.get("advisor.embedding.batch.size").summary().max());
    }

    @Test
    void should_refuse_at_once_past_a_full_queue() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EmbeddingBatcher batcher = batcher(1, Duration.ZERO, 1, 1, meters);
        List<String> questions = questions().subList(0, 40);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        int refused = 0;
        int embedded = 0;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Embedding>> futures = new ArrayList<>();
            for (String q : questions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return batcher.embed(q).content();
                }));
            }
            start.countDown();
            for (Future<Embedding> f : futures) {
                try {
                    assertEquals(384, f.get(120, TimeUnit.SECONDS).dimension());
                    embedded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    OverloadedException o = assertThrowsCause(e);
                    assertEquals(1, o.retryAfterSeconds());
                    refused++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(refused > 0, "40 callers at once against a queue of one and one worker: some must be refused");
        assertTrue(embedded >= 1, "the question taken first is embedded");
        assertEquals(refused, (int) meters.get("advisor.embedding.rejected").counter().count());
    }

    @Test
    void should_never_wait_past_its_limit_for_a_vector() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EmbeddingBatcher batcher = batcher(16, Duration.ZERO, 8, 1, meters);
        // a question no worker will ever complete (it was never queued): what a stuck worker would leave behind
        EmbeddingBatcher.Pending stuck = new EmbeddingBatcher.Pending("fastify vs nestjs?", java.util.Optional.empty(),
                System.nanoTime(), new java.util.concurrent.CompletableFuture<>());
        OverloadedException e = assertThrows(OverloadedException.class, () -> batcher.await(stuck, Duration.ofMillis(50)));
        assertTrue(e.getMessage().contains("retry"), e.getMessage());
        assertTrue(stuck.result().isCancelled(), "a late vector is dropped");
        assertEquals(1, (int) meters.get("advisor.embedding.rejected").counter().count());
        assertTrue(EmbeddingBatcher.AWAIT_LIMIT.compareTo(Duration.ofSeconds(5)) > 0, "far beyond a full queue's wait");
    }

    private static OverloadedException assertThrowsCause(java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof OverloadedException o) {
            return o;
        }
        throw new AssertionError("expected OverloadedException, got " + e.getCause(), e.getCause());
    }

    @Test
    void should_embed_all_segments_through_the_queue() {
        EmbeddingBatcher batcher = batcher(16, Duration.ZERO, 256, 2, new SimpleMeterRegistry());
        List<String> questions = questions().subList(100, 130);
        List<Embedding> all = batcher.embedAll(questions.stream().map(TextSegment::from).toList()).content();
        assertEquals(questions.size(), all.size());
        for (int i = 0; i < questions.size(); i++) {
            assertClose(model.embed(questions.get(i)).content().vector(), all.get(i).vector(), questions.get(i));
        }
        assertEquals(384, batcher.dimension());
    }

    @Test
    void should_reject_settings_out_of_range_and_calls_after_close() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingBatcher(model, 0, Duration.ZERO, 1, 1, meters));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingBatcher(model, 257, Duration.ZERO, 1, 1, meters));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingBatcher(model, 8, Duration.ofSeconds(2), 1, 1, meters));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingBatcher(model, 8, Duration.ZERO, 0, 1, meters));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingBatcher(model, 8, Duration.ZERO, 1, 0, meters));
        EmbeddingBatcher closed = batcher(8, Duration.ZERO, 8, 1, meters);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.embed("fastify vs nestjs?"));
    }
}
