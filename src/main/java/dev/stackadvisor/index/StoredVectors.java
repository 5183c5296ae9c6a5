package dev.stackadvisor.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.HashMap;
import java.util.Map;

/** Reads every vector out of a langchain4j in-memory store, which has no bulk read. */
final class StoredVectors {

    private StoredVectors() {
    }

    /**
     * Every entry of {@code store}: a search with any unit vector and no score floor returns them all.
     *
     * @param store entries of 384-dimensional MiniLM embeddings
     * @return entry id → its vector (float[384]; shared with the store, do not modify); empty for an empty store
     */
    static Map<String, float[]> read(InMemoryEmbeddingStore<TextSegment> store) {
        Map<String, float[]> vectors = new HashMap<>();
        int size = store.size();
        if (size == 0) {
            return vectors;
        }
        float[] probe = new float[384];
        probe[0] = 1;
        for (EmbeddingMatch<TextSegment> m : store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(probe)).maxResults(size).minScore(0.0).build()).matches()) {
            vectors.put(m.embeddingId(), m.embedding().vector());
        }
        return vectors;
    }
}
