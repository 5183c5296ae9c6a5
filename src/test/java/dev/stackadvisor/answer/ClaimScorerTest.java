package dev.stackadvisor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackadvisor.corpus.Aspect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The claim score, one tuning value at a time: each row changes the plain candidate (no relevance, no meaning, no
 * retrieval share, no framework asked, a 10-word GENERAL sentence about one framework: score 0, tier 0) in one way
 * and states the exact score and tier. The tuning values are binary fractions distinct from each other, so every
 * expectation is exact and names the value it pins; the bundled values and why are in {@code analysis/tuning.json}.
 */
class ClaimScorerTest {

    /**
     * relevanceWeight 2, meaningWeight 0.5, meaningFloor 0.25, meaningSpan 0.5, focusWeight 0.75, sharedFocus 0.5,
     * tableCellBonus 0.25, ratingBonus 0.375, ratingMatch 0.5, extraSubjectPenalty 0.0625, maxExtraSubjects 4,
     * notFirstSubjectPenalty 1.5, longWords 30 / longPenalty 0.03125, veryLongWords 60 / veryLongPenalty 0.5,
     * namesListPenalty 1.25, questionPenalty 0.625 (the layouts' thresholds play no part in the score).
     */
    private static final ComposerTuning TUNING = new ComposerTuning(2, 0.5, 0.25, 0.5, 0.75, 0.5, 0.25, 0.375, 0.5,
            0.0625, 4, 1.5, 30, 0.03125, 60, 0.5, 1.25, 0.625, 3, 3, 2, 0.34, 0.5, 0.5, 0.2, 0.99, 0.5, 150, 2);

    private final ClaimScorer scorer = new ClaimScorer(TUNING);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                    | relevance | cosine    | fusedShare | focus        | topicless | tableCell | aspect  | subjects | namesList | question | notFirst | words | score    | tier
            plain candidate                           | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0        | 0
            relevanceWeight: x 2                      | 0.5       | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 1        | 0
            meaningFloor: cosine at the floor is 0    | 0         | 0.25      | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0        | 0
            meaningFloor: below it is 0, not less     | 0         | -0.5      | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0        | 0
            meaningSpan: half way is half meaning     | 0         | 0.5       | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0.25     | 0
            meaningWeight: full meaning, clamped      | 0         | 0.9       | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0.5      | 0
            fused share counts as it is               | 0         | -Infinity | 0.25       | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0.25     | 0
            focusWeight: named alone, tier 1          | 0         | -Infinity | 0          | ALONE        | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0.75     | 1
            sharedFocus: named among others, tier 1   | 0         | -Infinity | 0          | SHARED       | false     | false     | GENERAL | 2        | false     | false    | false    | 10    | 0.3125   | 1
            heading about several: no focus, tier 0   | 0         | -Infinity | 0          | HEADING_ONLY | false     | false     | GENERAL | 1        | false     | false    | false    | 10    | 0        | 0
            tableCellBonus: a cell, no topic words    | 0         | -Infinity | 0          | NONE         | true      | true      | FIT     | 1        | false     | false    | false    | 10    | 0.25     | 0
            tableCellBonus: not with topic words      | 0         | -Infinity | 0          | NONE         | false     | true      | FIT     | 1        | false     | false    | false    | 10    | 0        | 0
            tableCellBonus: not for a GENERAL cell    | 0         | -Infinity | 0          | NONE         | true      | true      | GENERAL | 1        | false     | false    | false    | 10    | 0        | 0
            ratingBonus: a rating at ratingMatch      | 0.5       | -Infinity | 0          | NONE         | false     | true      | RATING  | 1        | false     | false    | false    | 10    | 1.375    | 0
            ratingMatch: a rating just below it       | 0.25      | -Infinity | 0          | NONE         | false     | true      | RATING  | 1        | false     | false    | false    | 10    | 0.5      | 0
            extraSubjectPenalty: two extra            | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 3        | false     | false    | false    | 10    | -0.125   | 0
            maxExtraSubjects: at most four extra      | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 9        | false     | false    | false    | 10    | -0.25    | 0
            namesListPenalty: a bare list of names    | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | true      | false    | false    | 10    | -1.25    | 0
            questionPenalty: a question               | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | true     | false    | 10    | -0.625   | 0
            notFirstSubjectPenalty                    | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | true     | 10    | -1.5     | 0
            longWords: at it, not long                | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 30    | 0        | 0
            longPenalty: past longWords               | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 31    | -0.03125 | 0
            veryLongWords: at it, only long           | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 60    | -0.03125 | 0
            veryLongPenalty: past it, instead of long | 0         | -Infinity | 0          | NONE         | false     | false     | GENERAL | 1        | false     | false    | false    | 61    | -0.5     | 0
            all at once add up                        | 0.5       | 0.5       | 0.25       | SHARED       | false     | false     | FIT     | 3        | false     | true     | true     | 31    | -0.40625 | 1
            """)
    void should_score_each_feature_by_its_tuning_value(String name, double relevance, double cosine, double fusedShare,
                                                        Focus focus, boolean topicless, boolean tableCell, Aspect aspect,
                                                        int subjects, boolean namesList, boolean question,
                                                        boolean notFirstSubject, int words, double score, int tier) {
        ClaimScorer.Scored scored = scorer.score(new ClaimScorer.Features(relevance, cosine, fusedShare, focus, topicless,
                tableCell, aspect, subjects, namesList, question, notFirstSubject, words));

        assertEquals(score, scored.score(), 0, name);
        assertEquals(tier, scored.tier(), name);
    }
}
