package dev.stackadvisor.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for MiniLM in stage tests: a hashed bag of words. Each lower-cased run of letters and
 * digits adds ±1 at {@code floorMod(hash, 384)} (the sign from another bit of the same hash), and the sum is
 * L2-normalised, so the cosine of two texts grows with the words they share. float[384] like the real model; a
 * text with no word embeds as the first unit vector. String hashes are fixed by the Java spec, so vectors are the
 * same in every run. No model file, no native code, microseconds per text.
 */
public final class HashedEmbeddingModel implements EmbeddingModel {

    /** MiniLM's dimension, which the dense index and sentence vectors expect. */
    public static final int DIMENSION = 384;

    /** The vector of one text: float[384], L2-normalised. */
    public static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int h = word.hashCode();
            v[Math.floorMod(h, DIMENSION)] += (h & 0x4000_0000) == 0 ? 1 : -1;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    @Override
    public Response<Embedding> embed(String text) {
        return Response.from(Embedding.from(vector(text)));
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        return embed(segment.text());
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>(segments.size());
        for (TextSegment s : segments) {
            out.add(Embedding.from(vector(s.text())));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }
}
