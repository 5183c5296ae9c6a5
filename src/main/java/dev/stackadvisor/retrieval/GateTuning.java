package dev.stackadvisor.retrieval;

/**
 * Tuning of {@link RelevanceGate}, section {@code "gate"} of {@link TuningFile#RESOURCE}. Shares and cosines are in
 * [0, 1]; raise a threshold to refuse more.
 *
 * @param minDense               (hybrid) best passage cosine at which a question naming no framework is in scope
 * @param minDenseWithWords      (hybrid) lower cosine accepted when one passage holds {@code minCoverage} of the topic
 * @param minCoverage            (hybrid) IDF-weighted share of the topic words that counts as the words agreeing
 * @param minKeywordCoverage     (keyword) share of the topic words one passage must hold
 * @param twoWordSlack           (keyword) how much less coverage suffices when at least {@code minMatchedWords}
 *                               different topic words are held (one shared word is chance)
 * @param minMatchedWords        (keyword) distinct topic words that earn {@code twoWordSlack}, 1..100
 * @param maxUnknown             IDF-weighted share of topic words the corpus may lack before a question naming a
 *                               framework is refused as {@code unknown_terms}
 * @param minExact               best single-passage share of the topic words held exactly that clears such a question
 * @param followUpSlack          taken off each threshold for a follow-up (its conversation was in scope)
 * @param minMeaning             (hybrid) cosine between the question and the closest sentence about a framework it names
 *                               at which unknown words do not refuse it
 * @param generalCandidates      top fused passages of the whole question whose coverage is measured, 1..1000
 * @param perFrameworkCandidates top fused passages per framework asked about whose coverage is measured, 1..1000
 */
public record GateTuning(double minDense, double minDenseWithWords, double minCoverage, double minKeywordCoverage,
                         double twoWordSlack, int minMatchedWords, double maxUnknown, double minExact,
                         double followUpSlack, double minMeaning, int generalCandidates, int perFrameworkCandidates) {

    /** @throws IllegalArgumentException naming the value and its range */
    public GateTuning {
        TuningFile.inRange("minDense", minDense, 0, 1);
        TuningFile.inRange("minDenseWithWords", minDenseWithWords, 0, minDense);
        TuningFile.inRange("minCoverage", minCoverage, 0, 1);
        TuningFile.inRange("minKeywordCoverage", minKeywordCoverage, 0, 1);
        TuningFile.inRange("twoWordSlack", twoWordSlack, 0, minKeywordCoverage);
        TuningFile.inRange("minMatchedWords", minMatchedWords, 1, 100);
        TuningFile.inRange("maxUnknown", maxUnknown, 0, 1);
        TuningFile.inRange("minExact", minExact, 0, 1);
        TuningFile.inRange("followUpSlack", followUpSlack, 0, 1);
        TuningFile.inRange("minMeaning", minMeaning, 0, 1);
        TuningFile.inRange("generalCandidates", generalCandidates, 1, 1000);
        TuningFile.inRange("perFrameworkCandidates", perFrameworkCandidates, 1, 1000);
    }
}
