package dev.stackadvisor.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for MiniLM in stage tests: a hashed bag of words, float[384], L2-normalised, so two texts
 * with the same words (in any order, any case, any punctuation) have cosine 1 and texts sharing no word cosine 0.
 * Nothing to load, microseconds per text.
 */
final class HashedEmbeddingModel implements EmbeddingModel {

    static final int DIMENSIONS = 384;

    /** The embedding of one text: each lower-cased word (letters and digits) adds 1 at its hash, then L2-normalised. */
    static float[] vector(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length && norm > 0; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>();
        segments.forEach(s -> out.add(Embedding.from(vector(s.text()))));
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return DIMENSIONS;
    }
}
