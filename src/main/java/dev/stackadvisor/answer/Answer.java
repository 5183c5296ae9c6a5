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
 */
public record Answer(String text, List<Citation> citations, List<String> frameworks, boolean grounded, String mode,
                     String fallbackReason) {
    public Answer {
        citations = List.copyOf(citations);
        frameworks = List.copyOf(frameworks);
    }
}
