package dev.stackadvisor.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for MiniLM in stage tests: a hashed bag of words. The text is lower-cased
 * ({@link Locale#ROOT}) and split into words (maximal runs of letters and digits); each word adds 1 to slot
 * {@code floorMod(word.hashCode(), 384)} of a float[384], which is then L2-normalised. {@link String#hashCode} is
 * fixed by the Java language specification, so a text gives the same bits on every JVM and run. Cosine similarity
 * is then word overlap (plus the odd hash collision): texts sharing no word score 0, the same words score 1.
 * A text without a word gets the zero vector (similar to nothing). No model file, no native code, microseconds.
 *
 * <p>Not a model of meaning: paraphrases score 0. Tests that use it pin what the pipeline does with the words of
 * a question, not how well MiniLM reads it (that is the end-to-end tests' job).
 */
public final class BagOfWordsEmbedding implements EmbeddingModel {

    /** MiniLM's width, so that everything sized for it (cache files, sentence vectors) takes these vectors too. */
    public static final int DIMENSION = 384;
    /** The embedding-cache id of this model ({@link dev.stackadvisor.app.ServiceFactory#indexes}). */
    public static final String MODEL_ID = "test/bag-of-words-384";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The vector of {@code text}: float[384], L2-normalised, or all zeros when the text has no word. */
    public static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            v[Math.floorMod(m.group().hashCode(), DIMENSION)] += 1;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
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

    @Override
    public String modelName() {
        return MODEL_ID;
    }
}
