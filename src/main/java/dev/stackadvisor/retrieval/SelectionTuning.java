package dev.stackadvisor.retrieval;

/**
 * Tuning of {@link AnswerSelector}, section {@code "selection"} of {@link TuningFile#RESOURCE}. Shares are in [0, 1].
 *
 * @param passages     top fused passages of the whole question whose sentences are candidates, 1..100
 * @param perFramework top fused passages per framework asked about whose sentences are candidates, 1..100
 * @param rrfK         reciprocal rank fusion's k over the candidates' rankings, 1..1000: a candidate at rank r of a
 *                     ranking adds 1/(k + r); smaller than the passage fusion's 60 because the lists are short
 * @param minCoverage  IDF-weighted share of the question's content words a candidate (with its heading path and the
 *                     sentences it leans on) must hold to lead the answer, unless its cosine reaches
 *                     {@code minCosine}: the best-ranked candidate with this much evidence of its own leads
 * @param minCosine    (hybrid) MiniLM cosine between question and sentence at which a candidate may lead whatever
 *                     its words: a paraphrase shares meaning, not words
 * @param minKeywordAnswerable (keyword) best coverage below which a specific question is not answered: nothing in
 *                     the sources is to its point
 * @param minHybridAnswerable (hybrid) best coverage that keeps a specific question answerable when no candidate
 *                     reaches {@code minCosineAnswerable}
 * @param minCosineAnswerable (hybrid) best candidate cosine that keeps a specific question answerable
 * @param leadMargin   how much less coverage than the best-covering candidate the leading one may have, 0..1 (rank
 *                     fusion alone would let a candidate covering a third of the question outrank one covering all)
 * @param minKnownCoverage coverage of the content words the corpus uses (at least two) by a sentence about a framework
 *                     asked, at which words the corpus lacks ("meh", "fws") do not refuse the question as unknown terms
 * @param maxLeanBack  sentences before a candidate that opens with a reference word whose words count for it, 0..10
 */
public record SelectionTuning(int passages, int perFramework, int rrfK, double minCoverage, double minCosine,
                              double minKeywordAnswerable, double minHybridAnswerable, double minCosineAnswerable,
                              double leadMargin, double minKnownCoverage, int maxLeanBack) {

    /** @throws IllegalArgumentException naming the value and its range */
    public SelectionTuning {
        TuningFile.inRange("passages", passages, 1, 100);
        TuningFile.inRange("perFramework", perFramework, 1, 100);
        TuningFile.inRange("rrfK", rrfK, 1, 1000);
        TuningFile.inRange("minCoverage", minCoverage, 0, 1);
        TuningFile.inRange("minCosine", minCosine, 0, 1);
        TuningFile.inRange("minKeywordAnswerable", minKeywordAnswerable, 0, 1);
        TuningFile.inRange("minHybridAnswerable", minHybridAnswerable, 0, 1);
        TuningFile.inRange("minCosineAnswerable", minCosineAnswerable, 0, 1);
        TuningFile.inRange("leadMargin", leadMargin, 0, 1);
        TuningFile.inRange("minKnownCoverage", minKnownCoverage, 0, 1);
        TuningFile.inRange("maxLeanBack", maxLeanBack, 0, 10);
    }
}
