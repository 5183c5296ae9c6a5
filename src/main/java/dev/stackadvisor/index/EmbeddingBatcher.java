package dev.stackadvisor.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching of query embeddings: concurrent requests put their question on one bounded queue, and each of a
 * few worker threads takes what is waiting (up to {@code maxBatch}) and embeds it in one ONNX Runtime inference
 * ({@link MiniLmEmbeddingModel#embedTokenized}), then completes each request's future. One matrix multiply over
 * several short questions costs much less per question than one per question on a CPU: with two cores, batches
 * of 8 give 30–60 % more embeddings per second than one at a time ({@code BatchEmbeddingBenchmark},
 * docs/benchmarks.md).
 *
 * <ul>
 *   <li><b>A lone request is not slowed:</b> an idle worker takes it at once. A worker waits up to
 *       {@code maxWait} for more questions only while another inference is running (the cores are busy then
 *       anyway) and its batch is not full; 0 = never waits.</li>
 *   <li><b>Padding:</b> the questions a worker took are sorted by length and split into the groups that cost
 *       least ({@link LengthGroups}), each one padded inference.</li>
 *   <li><b>Overload:</b> past {@code queueCapacity} waiting questions {@link #embed(String)} throws
 *       {@link OverloadedException} at once (the HTTP layer answers 503); a queued question waits at most for the
 *       queue ahead of it.</li>
 *   <li><b>Same vectors:</b> the request thread tokenises its question exactly as langchain4j's encoder does
 *       ({@link MiniLmEmbeddingModel#tokenize}); a text that tokeniser path cannot take (over 510 word pieces, or
 *       none) is embedded alone by the model's own path. Within 1e-5 of one at a time, bit for bit when alone.</li>
 *   <li><b>Metrics:</b> {@code advisor_embedding_batch_size} (questions per inference, a histogram),
 *       {@code advisor_embedding_queue_wait_seconds} (queued until its inference starts),
 *       {@code advisor_embedding_rejected_total}, {@code advisor_embedding_queue_depth}.</li>
 * </ul>
 *
 * <p>Workers are daemon threads, {@code Math.max(1, cores / intraOpThreads)} of them by default: each inference
 * uses {@code intraOpThreads} cores, so that many run side by side.
 */
public final class EmbeddingBatcher implements EmbeddingModel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBatcher.class);
    /**
     * The longest a caller waits for its vector: far beyond a full queue's wait (256 questions at ~300 embeddings/s
     * is about a second), so only a stuck worker reaches it; the caller then gets {@link OverloadedException}.
     */
    static final Duration AWAIT_LIMIT = Duration.ofSeconds(30);
    /** Batch sizes counted exactly up to 16, then by powers of two. */
    private static final double[] SIZE_BUCKETS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 32, 64, 128, 256};

    private final MiniLmEmbeddingModel model;
    private final int maxBatch;
    private final int queueCapacity;
    private final long maxWaitNanos;
    private final BlockingQueue<Pending> queue;
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> workers;
    private final DistributionSummary batchSizes;
    private final Timer queueWait;
    private final Counter rejected;
    private volatile boolean closed;

    /** A question waiting for its inference. {@code tokens} empty: embedded alone by the model's own path. */
    record Pending(String text, Optional<QueryTokens> tokens, long queuedNanos, CompletableFuture<float[]> result) {
        int length() {
            return tokens.map(QueryTokens::length).orElse(Integer.MAX_VALUE);
        }
    }

    /**
     * Starts the workers.
     *
     * @param model         the model (its session is shared by the workers)
     * @param maxBatch      most questions per inference, 1..256 (1 = no batching, still queued and bounded)
     * @param maxWait       how long a worker may wait for more questions while another inference runs, 0..1 s
     * @param queueCapacity most questions waiting, ≥ 1; past it {@link #embed(String)} throws {@link OverloadedException}
     * @param workerCount   inferences that may run at once, ≥ 1
     * @param meters        where the metrics go
     * @throws IllegalArgumentException for a value out of range
     */
    public EmbeddingBatcher(MiniLmEmbeddingModel model, int maxBatch, Duration maxWait, int queueCapacity,
                            int workerCount, MeterRegistry meters) {
        if (maxBatch < 1 || maxBatch > 256 || queueCapacity < 1 || workerCount < 1
                || maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("maxBatch 1..256, maxWait 0..1 s, queueCapacity >= 1, workerCount >= 1; got "
                    + maxBatch + ", " + maxWait + ", " + queueCapacity + ", " + workerCount);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.queueCapacity = queueCapacity;
        this.maxWaitNanos = maxWait.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSizes = DistributionSummary.builder("advisor.embedding.batch.size")
                .description("questions embedded per MiniLM inference").serviceLevelObjectives(SIZE_BUCKETS)
                .register(meters);
        this.queueWait = Timer.builder("advisor.embedding.queue.wait")
                .description("time a question waited for its MiniLM inference to start").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
        this.rejected = Counter.builder("advisor.embedding.rejected")
                .description("questions refused because the embedding queue was full").register(meters);
        Gauge.builder("advisor.embedding.queue.depth", queue, BlockingQueue::size)
                .description("questions waiting for a MiniLM inference").register(meters);
        this.workers = IntStream.range(0, workerCount).mapToObj(i -> {
            Thread t = new Thread(this::work, "embedding-batcher-" + i);
            t.setDaemon(true);
            t.start();
            return t;
        }).toList();
    }

    /** The default worker count: as many inferences side by side as the cores allow. */
    public static int defaultWorkers(int intraOpThreads) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / intraOpThreads);
    }

    /**
     * Embeds one question, batched with whatever other questions are waiting; blocks until it is done.
     *
     * @throws OverloadedException when the queue is full (nothing was queued)
     * @throws IllegalStateException when the batcher is closed or the caller is interrupted while waiting
     */
    @Override
    public Response<Embedding> embed(String text) {
        return Response.from(Embedding.from(await(submit(text), AWAIT_LIMIT)));
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        return embed(segment.text());
    }

    /** Queues every text, then waits for all: they may share inferences with each other and with other callers. */
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Pending> pending = new ArrayList<>(segments.size());
        for (TextSegment s : segments) {
            pending.add(submit(s.text()));
        }
        List<Embedding> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            out.add(Embedding.from(await(p, AWAIT_LIMIT)));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return PaddedInference.DIMENSION;
    }

    private Pending submit(String text) {
        if (closed) {
            throw new IllegalStateException("the embedding batcher is closed");
        }
        // tokenised on the request's own thread: the workers only run inferences
        Pending p = new Pending(text, model.tokenize(text), System.nanoTime(), new CompletableFuture<>());
        if (!queue.offer(p)) {
            rejected.increment();
            throw new OverloadedException("the server is busy: " + queueCapacity
                    + " questions are already waiting for the embedding model; retry in a second", 1);
        }
        return p;
    }

    /** The vector of {@code p}; past {@code limit} it leaves the queue (if still there) and the caller is refused. */
    float[] await(Pending p, Duration limit) {
        try {
            return p.result().get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            queue.remove(p);
            p.result().cancel(false);
            rejected.increment();
            throw new OverloadedException("no query embedding within " + limit.toSeconds() + " s; retry in a second", 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a query embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("query embedding failed: " + e.getCause(), e.getCause());
        }
    }

    private void work() {
        List<Pending> taken = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                taken.add(queue.take());
                queue.drainTo(taken, maxBatch - taken.size());
                if (maxWaitNanos > 0 && taken.size() < maxBatch && running.get() > 0) {
                    long deadline = System.nanoTime() + maxWaitNanos;
                    for (long left = maxWaitNanos; left > 0 && taken.size() < maxBatch; left = deadline - System.nanoTime()) {
                        Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        taken.add(next);
                        queue.drainTo(taken, maxBatch - taken.size());
                    }
                }
            } catch (InterruptedException e) {
                fail(taken, new IllegalStateException("the embedding batcher is closed"));
                return; // close() interrupts
            }
            running.incrementAndGet();
            try {
                run(taken);
            } finally {
                running.decrementAndGet();
                taken.clear();
            }
        }
    }

    /** Embeds what a worker took: sorted by length, split into cheap groups, one inference each. */
    private void run(List<Pending> taken) {
        long now = System.nanoTime();
        for (Pending p : taken) {
            queueWait.record(now - p.queuedNanos(), TimeUnit.NANOSECONDS);
        }
        taken.sort(Comparator.comparingInt(Pending::length));
        int batchable = 0;
        while (batchable < taken.size() && taken.get(batchable).tokens().isPresent()) {
            batchable++;
        }
        if (batchable > 0) {
            for (List<Pending> members : LengthGroups.of(taken.subList(0, batchable), Pending::length)) {
                try {
                    float[][] vectors = model.embedTokenized(members.stream().map(p -> p.tokens().orElseThrow()).toList());
                    batchSizes.record(members.size());
                    for (int i = 0; i < vectors.length; i++) {
                        members.get(i).result().complete(vectors[i]);
                    }
                } catch (RuntimeException | Error e) {
                    log.error("MiniLM inference over {} questions failed", members.size(), e);
                    fail(members, e);
                }
            }
        }
        for (Pending p : taken.subList(batchable, taken.size())) {
            try {
                float[] vector = model.embed(p.text()).content().vector();
                batchSizes.record(1);
                p.result().complete(vector);
            } catch (RuntimeException | Error e) {
                p.result().completeExceptionally(e);
            }
        }
    }

    private static void fail(List<Pending> pending, Throwable e) {
        for (Pending p : pending) {
            p.result().completeExceptionally(e);
        }
    }

    /** Stops the workers; questions still queued fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, new IllegalStateException("the embedding batcher is closed"));
    }
}
