package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;

/**
 * The score of one candidate claim from its features alone: no corpus, no question, no memo, so a table of
 * features pins each tuning value's effect ({@code ClaimScorerTest}). Weights come from {@link ComposerTuning} (the
 * {@code composer} section of {@code analysis/tuning.json}, which gives each value and why):
 * <pre>  relevanceWeight × relevance + meaningWeight × clamp((cosine − meaningFloor) / meaningSpan, 0, 1)
 *      + fusedShare + focusWeight × (1 ALONE, sharedFocus SHARED, 0 HEADING_ONLY or NONE)
 *      + tableCellBonus for a table cell (not GENERAL) when the question has no topic words (the article's verdict)
 *      + ratingBonus for a RATING whose relevance is at least ratingMatch
 *      − extraSubjectPenalty × min(maxExtraSubjects, subjects − 1) − namesListPenalty for a bare list of names
 *      − questionPenalty for a question − notFirstSubjectPenalty when the framework asked is not its first subject
 *      − veryLongPenalty past veryLongWords, else longPenalty past longWords</pre>
 * and its tier is 1 when it is squarely about the framework asked ({@link Focus#squarely()}), else 0: a claim only a
 * heading about several frameworks ties to it ranks below every claim about it squarely, whatever the scores.
 * Immutable, so thread-safe.
 */
final class ClaimScorer {

    /**
     * What one candidate brings to the score.
     *
     * @param relevance       IDF-weighted share of the question's topic words the claim holds, 0..1 (0 without topic)
     * @param cosine          best cosine of a sentence of the claim to the question, in [-1, 1]; negative infinity when
     *                        there is none (keyword mode, no topic words, no embedding): meaning 0
     * @param fusedShare      its passage's fused retrieval score ÷ the best one among the candidates, 0..1
     * @param focus           how squarely it is about the framework asked ({@link Focus#NONE} when none is asked)
     * @param topicless       whether the question has no topic words
     * @param tableCell       whether the sentence is a table cell
     * @param aspect          the sentence's aspect
     * @param subjects        how many frameworks the sentence is about
     * @param namesList       whether the sentence is a list item that is only framework names
     * @param question        whether the sentence is a question
     * @param notFirstSubject whether a framework is asked and it is not the sentence's first subject
     * @param words           words of the claim as stated
     */
    record Features(double relevance, double cosine, double fusedShare, Focus focus, boolean topicless,
                    boolean tableCell, Aspect aspect, int subjects, boolean namesList, boolean question,
                    boolean notFirstSubject, int words) {
    }

    /** A candidate's score and tier: a higher tier wins, then a higher score. */
    record Scored(double score, int tier) {
    }

    private final ComposerTuning tuning;

    ClaimScorer(ComposerTuning tuning) {
        this.tuning = tuning;
    }

    Scored score(Features f) {
        double bonus = 0;
        if (f.tableCell() && f.topicless() && f.aspect() != Aspect.GENERAL) {
            bonus += tuning.tableCellBonus();
        }
        if (f.aspect() == Aspect.RATING && f.relevance() >= tuning.ratingMatch()) {
            bonus += tuning.ratingBonus();
        }
        double weight = switch (f.focus()) {
            case ALONE -> 1;
            case SHARED -> tuning.sharedFocus();
            case HEADING_ONLY, NONE -> 0;
        };
        double score = tuning.relevanceWeight() * f.relevance() + tuning.meaningWeight() * meaning(f.cosine())
                + f.fusedShare() + bonus + tuning.focusWeight() * weight - penalty(f);
        return new Scored(score, f.focus().squarely() ? 1 : 0);
    }

    /** Meaning relevance, 0..1: MiniLM puts unrelated sentences near 0.1–0.25 and paraphrases above 0.6. */
    double meaning(double cosine) {
        return Math.max(0, Math.min(1, (cosine - tuning.meaningFloor()) / tuning.meaningSpan()));
    }

    private double penalty(Features f) {
        // summed in this order so that scores, and so ties, stay as they were before the scorer was split out
        double p = tuning.extraSubjectPenalty() * Math.min(tuning.maxExtraSubjects(), Math.max(0, f.subjects() - 1));
        if (f.namesList()) {
            p += tuning.namesListPenalty();
        }
        if (f.question()) {
            p += tuning.questionPenalty();
        }
        if (f.notFirstSubject()) {
            p += tuning.notFirstSubjectPenalty();
        }
        if (f.words() > tuning.veryLongWords()) {
            p += tuning.veryLongPenalty();
        } else if (f.words() > tuning.longWords()) {
            p += tuning.longPenalty();
        }
        return p;
    }
}
