package dev.stackadvisor.index;

import com.github.benmanes.caffeine.cache.Cache;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.stackadvisor.corpus.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense retrieval: every passage's index text embedded with all-MiniLM-L6-v2 (384 dimensions, L2-normalised,
 * so cosine = dot product) in a langchain4j {@link InMemoryEmbeddingStore}. With a few hundred passages an
 * exhaustive scan takes ~0.1 ms, so each query scores every passage once and the callers filter.
 */
public final class DenseIndex {

    private final EmbeddingModel model;
    private final Cache<String, Embedding> queryCache;
    private final InMemoryEmbeddingStore<TextSegment> store;
    private final Map<String, Passage> byId = new LinkedHashMap<>();

    /**
     * @param model    the model the store was embedded with (queries must use the same one)
     * @param store    one entry per passage, the entry id being the passage id
     * @param passages the passages the store holds
     * @param queryCache recent query embeddings by text (an LRU), so repeated questions skip the model
     * @throws IllegalArgumentException when the store and the passages disagree in size
     */
    public DenseIndex(EmbeddingModel model, InMemoryEmbeddingStore<TextSegment> store, List<Passage> passages,
                      Cache<String, Embedding> queryCache) {
        this.model = model;
        this.queryCache = queryCache;
        this.store = store;
        for (Passage p : passages) {
            byId.put(p.id(), p);
        }
        if (store.size() != passages.size()) {
            throw new IllegalArgumentException("store holds " + store.size() + " embeddings for " + passages.size() + " passages");
        }
    }

    /** Embeds a query: float[384], L2-normalised; ~7 ms on one core, or a cache lookup for a repeated one. */
    public Embedding embed(String query) {
        return queryCache.get(query, q -> model.embed(q).content());
    }

    /**
     * Every passage scored against {@code query}, best first.
     *
     * @return cosine similarities in [-1, 1]; ties keep passage order
     */
    public List<ScoredPassage> scoreAll(Embedding query) {
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(query).maxResults(byId.size()).minScore(0.0).build()).matches();
        List<ScoredPassage> out = new ArrayList<>(matches.size());
        for (EmbeddingMatch<TextSegment> m : matches) {
            Passage p = byId.get(m.embeddingId());
            if (p != null) {
                out.add(new ScoredPassage(p, m.score() * 2 - 1));
            }
        }
        return out;
    }

    /** Number of passages held. */
    public int size() {
        return byId.size();
    }
}
