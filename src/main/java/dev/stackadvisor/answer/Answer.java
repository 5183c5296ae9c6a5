package dev.stackadvisor.answer;

import java.util.List;

/**
 * An answer to one question.
 *
 * @param text           the answer, with {@code [n]} markers pointing at {@code citations}
 * @param citations      the sources the text cites, numbered from 1; empty when not grounded
 * @param frameworks     canonical names of the frameworks the answer discusses
 * @param grounded       false when the sources cannot answer: the text then says so and cites nothing
 * @param mode           {@code extractive} (quoted from the passages) or {@code llm}
 * @param fallbackReason why an LLM answer was replaced by the extractive one, or null
 * @param removedMarkers citation markers of an LLM answer that pointed at no given passage and were removed
 * @param sections       the same answer as structure (verdict, notes, per-framework blocks whose items carry their
 *                       citation numbers); null for a refusal and for an LLM's free text
 */
public record Answer(String text, List<Citation> citations, List<String> frameworks, boolean grounded, String mode,
                     String fallbackReason, int removedMarkers, Sections sections) {
    public Answer {
        citations = List.copyOf(citations);
        frameworks = List.copyOf(frameworks);
    }

    /** An answer without sections (a refusal, an LLM's text). */
    public Answer(String text, List<Citation> citations, List<String> frameworks, boolean grounded, String mode,
                  String fallbackReason, int removedMarkers) {
        this(text, citations, frameworks, grounded, mode, fallbackReason, removedMarkers, null);
    }

    /** The same answer, served in place of a failed LLM answer. */
    public Answer withFallbackReason(String reason) {
        return new Answer(text, citations, frameworks, grounded, mode, reason, removedMarkers, sections);
    }
}
