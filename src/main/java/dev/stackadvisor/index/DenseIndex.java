package dev.stackadvisor.index;

import com.github.benmanes.caffeine.cache.Cache;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.store.embedding.RelevanceScore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.stackadvisor.corpus.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dense retrieval: every passage's index text embedded with all-MiniLM-L6-v2 (384 dimensions, L2-normalised,
 * so cosine = dot product) in a langchain4j {@link InMemoryEmbeddingStore}, which is what the embedding cache
 * saves and loads. With a few hundred passages an exhaustive scan is the right search, so each query scores
 * every passage once and the callers filter. The scan runs over the store's vectors copied into one array at
 * start-up, with the store's formula ({@link CosineSimilarity#between}, then the relevance-score round trip)
 * but a dot product over four partial sums ({@link SentenceVectors#dot}), so scores match {@code store.search}
 * to ~1e-15 and the ranking is the same, without its per-query match objects and queue.
 */
public final class DenseIndex {

    private final EmbeddingModel model;
    private final Cache<String, Embedding> queryCache;
    /** Passages in corpus order, their vectors and the square roots of the vectors' squared norms. */
    private final Passage[] passages;
    private final float[][] vectors;
    private final double[] norms;

    /**
     * @param model    the model the store was embedded with (queries must use the same one), or an
     *                 {@link EmbeddingBatcher} over it
     * @param store    one entry per passage, the entry id being the passage id
     * @param passages the passages the store holds
     * @param queryCache recent query embeddings by text (an LRU), so repeated questions skip the model
     * @throws IllegalArgumentException when the store and the passages disagree in size, or a passage has no entry
     */
    public DenseIndex(EmbeddingModel model, InMemoryEmbeddingStore<TextSegment> store, List<Passage> passages,
                      Cache<String, Embedding> queryCache) {
        this.model = model;
        this.queryCache = queryCache;
        if (store.size() != passages.size()) {
            throw new IllegalArgumentException("store holds " + store.size() + " embeddings for " + passages.size() + " passages");
        }
        Map<String, float[]> stored = StoredVectors.read(store);
        this.passages = passages.toArray(new Passage[0]);
        this.vectors = new float[passages.size()][];
        this.norms = new double[passages.size()];
        for (int i = 0; i < this.passages.length; i++) {
            float[] v = stored.get(this.passages[i].id());
            if (v == null) {
                throw new IllegalArgumentException("store has no embedding for passage " + this.passages[i].id());
            }
            vectors[i] = v;
            norms[i] = Math.sqrt(squaredNorm(v));
        }
    }

    private static double squaredNorm(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        return n;
    }

    /**
     * Embeds a query: float[384], L2-normalised; 3–6 ms of one core (docs/benchmarks.md), or a cache lookup for a
     * repeated one. The model is called outside the cache: with a batching model the call waits for other
     * requests' questions, and a wait inside the cache's compute would hold a lock other keys may need.
     *
     * @throws OverloadedException when the model is an {@link EmbeddingBatcher} whose queue is full
     */
    public Embedding embed(String query) {
        return embed(query, true);
    }

    /**
     * Embeds a query as {@link #embed(String)} does, or with {@code cached} false always by the model and leaving the
     * query cache as it was: what the warm-up asks (chat.Warmup), so that its questions run the path of a question
     * never seen — tokenizer, batcher, inference — as every new question does, and do not fill the cache real
     * questions use. Measured by bench/jit_windows.sh (docs/benchmarks.md, issue 22; single runs, ±0.1 of
     * the ratio): with the warm-up's embeddings mostly cache hits, the first 10 s after {@code /ready} cost 17.0 CPU ms
     * a request against 8.1 a minute later; with this path, 13.6 against 7.4.
     *
     * @throws OverloadedException when the model is an {@link EmbeddingBatcher} whose queue is full
     */
    public Embedding embed(String query, boolean cached) {
        if (!cached) {
            return model.embed(query).content();
        }
        Embedding hit = queryCache.getIfPresent(query);
        if (hit != null) {
            return hit;
        }
        Embedding computed = model.embed(query).content();
        queryCache.put(query, computed);
        return computed;
    }

    /**
     * Every passage scored against {@code query}, best first.
     *
     * @return cosine similarities in [-1, 1]; ties keep passage order
     */
    public List<ScoredPassage> scoreAll(Embedding query) {
        float[] q = query.vector();
        double queryNorm = Math.sqrt(squaredNorm(q));
        double[] scores = new double[passages.length];
        for (int i = 0; i < passages.length; i++) {
            float[] v = vectors[i];
            if (v.length != q.length) {
                throw new IllegalArgumentException("query has " + q.length + " dimensions, passages " + v.length);
            }
            double cosine = SentenceVectors.dot(q, v) / Math.max(norms[i] * queryNorm, CosineSimilarity.EPSILON);
            // as the store reports it: relevance (cosine + 1) / 2, turned back into a cosine
            scores[i] = RelevanceScore.fromCosineSimilarity(cosine) * 2 - 1;
        }
        int[] order = ScoreOrder.descending(scores, null, scores.length); // ties keep passage order
        List<ScoredPassage> out = new ArrayList<>(passages.length);
        for (int i : order) {
            out.add(new ScoredPassage(passages[i], scores[i]));
        }
        return out;
    }

    /** Number of passages held. */
    public int size() {
        return passages.length;
    }
}
