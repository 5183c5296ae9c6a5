package dev.stackadvisor.answer;

import dev.stackadvisor.retrieval.TuningFile;

/**
 * Tuning of the extractive composer ({@link ClaimScorer}'s claim score, {@link ClaimSpans}' spans and the layouts'
 * thresholds), section {@code "composer"} of {@link TuningFile#RESOURCE}, bound by {@link TuningFile#bind(String, Class)}
 * (a key per component); each value's {@code why} there says how it was chosen. A claim scores
 * <pre>  relevanceWeight × relevance + meaningWeight × clamp((cosine − meaningFloor) / meaningSpan, 0, 1)
 *    + fused score ÷ best + focusWeight × focus + bonuses − penalties</pre>
 *
 * @param relevanceWeight        weight of the IDF-weighted share of the topic words a claim holds, in [0, 10]
 * @param meaningWeight          weight of the embedding similarity (hybrid), in [0, 10]
 * @param meaningFloor           cosine at which meaning starts counting, in [-1, 1]
 * @param meaningSpan            cosine span from the floor to full meaning, in (0, 2]
 * @param focusWeight            weight of how squarely a claim is about the framework asked, in [0, 10]
 * @param sharedFocus            focus of a claim whose quote names the framework among others (1 = alone), in [0, 1]
 * @param tableCellBonus         for a table cell when the question has no topic words, in [0, 5]
 * @param ratingBonus            for a table rating matching the question, in [0, 5]
 * @param ratingMatch            relevance from which a rating matches, in [0, 1]
 * @param extraSubjectPenalty    per framework beyond the first a claim is about, in [0, 1]
 * @param maxExtraSubjects       how many extra frameworks are penalised at most, 0..20
 * @param notFirstSubjectPenalty when the framework asked is not the claim's first subject, in [0, 5]
 * @param longWords              words past which a claim is long, 1..500
 * @param longPenalty            for a long claim, in [0, 5]
 * @param veryLongWords          words past which a claim is very long (≥ longWords), 1..500
 * @param veryLongPenalty        for a very long claim, in [0, 5]
 * @param namesListPenalty       for a bare list of framework names, in [0, 5]
 * @param questionPenalty        for a sentence that is a question, in [0, 5]
 * @param minClaimWords          fewer words than this is no claim, 1..20
 * @param listWindow             list items quoted together, 1..10
 * @param maxAntecedents         sentences back a reference is followed, 0..5
 * @param directRelevance        relevance a claim needs to be quoted as "the" answer, in [0, 1]
 * @param leaningMin             relevance the leader's claim needs for "the sources lean to", in [0, 1]
 * @param leaningMargin          the runner-up must be below this share of the leader, in [0, 1]
 * @param conceptRelevance       relevance of a concept answer's further bullets, in [0, 1]
 * @param disagreementRelevance  relevance to a point of contention for two claims to disagree on it, in [0, 1]
 * @param ratingsRelevance       relevance of a table rating to rank frameworks by it, in [0, 1]
 * @param maxWords               word budget of an answer, 20..1000
 * @param supporting             further covering sentences a specific answer quotes after the one that answers it,
 *                               0..10 (answer selection ranks them)
 */
public record ComposerTuning(double relevanceWeight, double meaningWeight, double meaningFloor, double meaningSpan,
                             double focusWeight, double sharedFocus, double tableCellBonus, double ratingBonus, double ratingMatch,
                             double extraSubjectPenalty, int maxExtraSubjects, double notFirstSubjectPenalty,
                             int longWords, double longPenalty, int veryLongWords, double veryLongPenalty,
                             double namesListPenalty, double questionPenalty, int minClaimWords, int listWindow,
                             int maxAntecedents, double directRelevance, double leaningMin, double leaningMargin,
                             double conceptRelevance, double disagreementRelevance, double ratingsRelevance,
                             int maxWords, int supporting) {

    /** @throws IllegalArgumentException naming the value and its range */
    public ComposerTuning {
        TuningFile.inRange("relevanceWeight", relevanceWeight, 0, 10);
        TuningFile.inRange("meaningWeight", meaningWeight, 0, 10);
        TuningFile.inRange("meaningFloor", meaningFloor, -1, 1);
        TuningFile.aboveUpTo("meaningSpan", meaningSpan, 0, 2);
        TuningFile.inRange("focusWeight", focusWeight, 0, 10);
        TuningFile.inRange("sharedFocus", sharedFocus, 0, 1);
        TuningFile.inRange("tableCellBonus", tableCellBonus, 0, 5);
        TuningFile.inRange("ratingBonus", ratingBonus, 0, 5);
        TuningFile.inRange("ratingMatch", ratingMatch, 0, 1);
        TuningFile.inRange("extraSubjectPenalty", extraSubjectPenalty, 0, 1);
        TuningFile.inRange("maxExtraSubjects", maxExtraSubjects, 0, 20);
        TuningFile.inRange("notFirstSubjectPenalty", notFirstSubjectPenalty, 0, 5);
        TuningFile.inRange("longWords", longWords, 1, 500);
        TuningFile.inRange("longPenalty", longPenalty, 0, 5);
        TuningFile.inRange("veryLongWords", veryLongWords, longWords, 500);
        TuningFile.inRange("veryLongPenalty", veryLongPenalty, 0, 5);
        TuningFile.inRange("namesListPenalty", namesListPenalty, 0, 5);
        TuningFile.inRange("questionPenalty", questionPenalty, 0, 5);
        TuningFile.inRange("minClaimWords", minClaimWords, 1, 20);
        TuningFile.inRange("listWindow", listWindow, 1, 10);
        TuningFile.inRange("maxAntecedents", maxAntecedents, 0, 5);
        TuningFile.inRange("directRelevance", directRelevance, 0, 1);
        TuningFile.inRange("leaningMin", leaningMin, 0, 1);
        TuningFile.inRange("leaningMargin", leaningMargin, 0, 1);
        TuningFile.inRange("conceptRelevance", conceptRelevance, 0, 1);
        TuningFile.inRange("disagreementRelevance", disagreementRelevance, 0, 1);
        TuningFile.inRange("ratingsRelevance", ratingsRelevance, 0, 1);
        TuningFile.inRange("maxWords", maxWords, 20, 1000);
        TuningFile.inRange("supporting", supporting, 0, 10);
    }

    /** The bundled values ({@link TuningFile#bundled()}). */
    public static ComposerTuning bundled() {
        return from(TuningFile.bundled());
    }

    /**
     * Binds the {@code "composer"} object of {@code file}.
     *
     * @throws IllegalArgumentException when it is missing, or a value is missing, undocumented or out of range, or a
     *                                  key unknown
     */
    public static ComposerTuning from(TuningFile file) {
        return file.bind("composer", ComposerTuning.class);
    }
}
