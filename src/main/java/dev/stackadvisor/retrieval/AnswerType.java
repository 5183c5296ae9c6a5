package dev.stackadvisor.retrieval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of fact a question asks for (after the TREC question classes of Li &amp; Roth, 2002: number, date,
 * person, organisation…), read from {@code analysis/question-cues.json}: such a question is answered only when
 * a retrieved sentence about the asked subject states a fact of this kind.
 *
 * @param name   short id ("licence", "version", "money"…), used in logs and tests
 * @param anchor the analysed terms of the synonyms group's first entry that marks the question
 * @param missing what the refusal says is missing, {@code {subject}} standing for the frameworks asked about
 *                ("the licence of {subject}")
 * @param fact   what a sentence stating such a fact matches (found anywhere in it)
 */
public record AnswerType(String name, List<String> anchor, String missing, Pattern fact) {
    public AnswerType {
        anchor = List.copyOf(anchor);
    }

    /** What is missing, about {@code subject} ("NestJS", or "this" when the question names no framework). */
    public String missing(String subject) {
        return missing.replace("{subject}", subject);
    }

    /** Whether {@code sentence} states a fact of this kind. */
    public boolean statedIn(String sentence) {
        return fact.matcher(sentence).find();
    }
}
