package dev.stackadvisor.retrieval;

/**
 * Tuning of the rankers and the fuser ({@link Bm25Retriever}, {@link DenseRetriever}, {@link ReciprocalRankFusion},
 * {@link HybridRetriever}), section {@code "retrieval"} of {@link TuningFile#RESOURCE}. Keyword-query weights are
 * relative to {@link #OWN_WEIGHT}, the weight of the question's own words.
 *
 * @param candidates       passages taken from each ranking before fusing, at least {@link TopK#MAX}
 * @param perFrameworkTop  fused passages kept per framework asked about, 1..1000
 * @param rrfK             reciprocal rank fusion's k, 1..1000: a passage at rank r adds 1/(k + r)
 * @param contextWeight    weight of the previous question's words in a follow-up, in (0, 1]
 * @param focusWeight      weight of the focus words of the aspect asked ("limitations" for weaknesses), in (0, 1]
 * @param synonymWeight    weight of a synonym the synonyms file adds for a question word, in (0, 1]
 * @param factSubjectShare share of a fact question's topic words (counted, not IDF-weighted) the sentence stating
 *                         the fact must hold, in [0, 1]
 */
public record RetrievalTuning(int candidates, int perFrameworkTop, int rrfK, double contextWeight, double focusWeight,
                              double synonymWeight, double factSubjectShare) {

    /** The weight of the question's own words in the keyword query: the unit the other weights are relative to. */
    public static final double OWN_WEIGHT = 1;

    /** @throws IllegalArgumentException naming the value and its range */
    public RetrievalTuning {
        TuningFile.inRange("candidates", candidates, TopK.MAX, 1000);
        TuningFile.inRange("perFrameworkTop", perFrameworkTop, 1, 1000);
        TuningFile.inRange("rrfK", rrfK, 1, 1000);
        positiveWeight("contextWeight", contextWeight);
        positiveWeight("focusWeight", focusWeight);
        positiveWeight("synonymWeight", synonymWeight);
        TuningFile.inRange("factSubjectShare", factSubjectShare, 0, 1);
    }

    private static void positiveWeight(String key, double w) {
        TuningFile.aboveUpTo(key, w, 0, OWN_WEIGHT);
    }
}
