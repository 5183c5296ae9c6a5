package dev.stackadvisor.feedback;

import dev.stackadvisor.answer.Citation;
import java.time.Instant;
import java.util.List;

/**
 * An answer as the database keeps it.
 *
 * @param answerId       the id the client got with the answer ({@code a-} + random hex)
 * @param sessionId      the conversation
 * @param createdAt      when it was answered
 * @param turns          the conversation's questions up to this answer, oldest first
 * @param answer         the answer text (light Markdown)
 * @param citations      its citations, as the client got them
 * @param mode           {@code extractive} or {@code llm}
 * @param grounded       false for a refusal
 * @param frameworks     canonical names the answer discusses
 * @param retrievalMs    analysis + retrieval time, milliseconds
 * @param answerMs       composition time, milliseconds
 * @param fallbackReason why an LLM answer was replaced by the extractive one, else null
 */
public record AnswerRecord(String answerId, String sessionId, Instant createdAt, List<String> turns, String answer,
                           List<Citation> citations, String mode, boolean grounded, List<String> frameworks,
                           double retrievalMs, double answerMs, String fallbackReason) {

    public AnswerRecord {
        turns = List.copyOf(turns);
        citations = List.copyOf(citations);
        frameworks = List.copyOf(frameworks);
    }
}
