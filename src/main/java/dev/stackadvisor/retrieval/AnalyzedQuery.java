package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import java.util.List;

/**
 * A question read for retrieval.
 *
 * @param message        the user's words as read: misspelt framework names corrected, else as sent
 * @param context        the previous question of the session when this one is a follow-up, else ""
 * @param frameworks     canonical names of covered frameworks the question is about (named, or inherited
 *                       from the previous turn for a follow-up), in order
 * @param notCovered     frameworks the question names that no article discusses
 * @param languages      languages or platforms named as the team's ("Python", "Go"); a language compared with another
 *                       named thing ("node or go") is not here: the frameworks that stand for it are in {@code frameworks}
 * @param intent         the kind of question
 * @param focus          what is asked about the frameworks (WEAKNESS for "what is it weak at"), or null
 * @param followUp       whether it was resolved against the previous turn
 * @param candidates     for a follow-up that adds a requirement ("what if we also need…"), the frameworks
 *                       the previous answer recommended: still in the running
 * @param dangling       it refers to something earlier ("and its limitations?") but there is no earlier turn
 * @param reading        its cues: own analysed words, cue words, synonyms, the kind of fact asked for
 * @param vector         its embedding (float[384], L2-normalised) of {@link QueryAnalyzer#embeddingText}, null in
 *                       keyword mode
 * @param terms          its analysed words as the later stages use them
 */
public record AnalyzedQuery(String message, String context, List<String> frameworks, List<String> notCovered,
                            List<String> languages, Intent intent, Aspect focus, boolean followUp,
                            List<String> candidates, boolean dangling, QuestionCues.Reading reading, float[] vector,
                            QueryTerms terms) {
    public AnalyzedQuery {
        candidates = List.copyOf(candidates);
        frameworks = List.copyOf(frameworks);
        notCovered = List.copyOf(notCovered);
        languages = List.copyOf(languages);
    }

    /** Whether it weighs two or more frameworks against each other: it names them and a choice word ("or", "vs"…). */
    public boolean weighsFrameworks() {
        return frameworks.size() >= 2 && reading.choice();
    }

    /** The kind of fact the question asks for, or null. */
    public AnswerType answerType() {
        return reading.answerType();
    }

    /** The text to retrieve with: the previous question for context, then this one. */
    public String retrievalText() {
        return context.isEmpty() ? message : context + "\n" + message;
    }
}
