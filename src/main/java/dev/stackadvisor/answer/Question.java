package dev.stackadvisor.answer;

import dev.stackadvisor.retrieval.TermStats;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What sentences are ranked against: the question's topic words and, in hybrid mode, its embedding; plus the
 * memo of what has been worked out against them. One answer weighs the same candidate quotes for several of its
 * lines (lead claim, strengths, watch-outs, fit, disagreements…), so each candidate's relevance and each
 * sentence's similarity are computed once per question. Used by one request thread only.
 */
final class Question {

    private final List<String> topic;
    private final float[] vector;
    private final Map<ClaimSpans.Span, TermStats.Coverage> coverage = new HashMap<>();
    /** IDF of each topic word; null until first needed. */
    private double[] weights;
    /** Cosine by sentence ordinal ({@link ClaimSpans#ordinals()}); NaN = unknown sentence; null until first needed. */
    private double[] similarity;

    /**
     * @param topic  analysed topic words (framework names and filler removed); may be empty
     * @param vector the question's embedding with framework names removed (float[384], L2-normalised), or null
     */
    Question(List<String> topic, float[] vector) {
        this.topic = List.copyOf(topic);
        this.vector = vector;
    }

    List<String> topic() {
        return topic;
    }

    float[] vector() {
        return vector;
    }

    /** Relevance and matched topic words per candidate span. */
    Map<ClaimSpans.Span, TermStats.Coverage> coverageMemo() {
        return coverage;
    }

    /** {@link TermStats#weights} of the topic, worked out on first use. */
    double[] weights(TermStats stats) {
        if (weights == null) {
            weights = stats.weights(topic);
        }
        return weights;
    }

    /** The similarity memo, {@code size} slots, each {@link #NOT_YET} until computed. */
    double[] similarityMemo(int size) {
        if (similarity == null) {
            similarity = new double[size];
            Arrays.fill(similarity, NOT_YET);
        }
        return similarity;
    }

    /** Marks a similarity slot not computed yet (cosines lie in [-1, 1]). */
    static final double NOT_YET = Double.POSITIVE_INFINITY;
}
