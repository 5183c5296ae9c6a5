package dev.stackadvisor.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.Map;

/**
 * MiniLM embeddings of every sentence as an answer states it (float[384], L2-normalised), so that in hybrid
 * mode the composer can rank quotes by meaning as well as by words: "40 engineers" finds "Larger teams usually
 * benefit from more opinion." Built from the same cached store format as the passages.
 */
public final class SentenceVectors {

    private final Map<String, float[]> vectors;

    /** @param store entries keyed by {@link dev.stackadvisor.corpus.Sentence#key()} */
    public SentenceVectors(InMemoryEmbeddingStore<TextSegment> store) {
        vectors = StoredVectors.read(store);
    }

    /**
     * Cosine similarity of a sentence to a query vector, in [-1, 1]; NaN when the sentence is unknown.
     *
     * @param query float[384], L2-normalised
     */
    public double similarity(float[] query, String sentenceKey) {
        float[] v = vectors.get(sentenceKey);
        if (v == null || query == null) {
            return Double.NaN;
        }
        return dot(query, v);
    }

    /** The stored embedding of a sentence (float[384], L2-normalised; do not modify), or null when unknown. */
    public float[] vector(String sentenceKey) {
        return vectors.get(sentenceKey);
    }

    /**
     * Dot product of two vectors of the same length: the cosine similarity when both are L2-normalised, in
     * [-1, 1]. Products in float, summed in double over four interleaved partial sums (independent additions
     * the CPU overlaps: ~3× faster than one running sum; the result differs from it in the last bits only).
     *
     * @throws ArrayIndexOutOfBoundsException when {@code v} is longer than {@code query}
     */
    public static double dot(float[] query, float[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (int n = v.length - 3; i < n; i += 4) {
            s0 += v[i] * query[i];
            s1 += v[i + 1] * query[i + 1];
            s2 += v[i + 2] * query[i + 2];
            s3 += v[i + 3] * query[i + 3];
        }
        for (; i < v.length; i++) {
            s0 += v[i] * query[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Number of sentences held. */
    public int size() {
        return vectors.size();
    }
}
