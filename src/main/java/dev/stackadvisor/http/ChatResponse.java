package dev.stackadvisor.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.answer.Sections;
import dev.stackadvisor.chat.ChatReply;
import java.util.List;

/**
 * The body {@code POST /api/chat} returns (see DESIGN.md, "HTTP contract").
 *
 * @param answerId       names this answer for {@code POST /api/feedback}
 * @param sections       the answer as structure (verdict, notes, per-framework fit/strengths/watch-outs with citation
 *                       numbers), for clients that show frameworks side by side; absent for a refusal and an LLM answer
 * @param fallbackReason present only when an LLM answer was replaced by the extractive one
 * @param removedMarkers present only when an LLM answer cited passages it was not given: how many markers
 *                       were removed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatResponse(String sessionId, String answerId, String answer, boolean grounded, String mode, List<String> frameworks,
                           List<Citation> citations, Sections sections, Timings timings, String fallbackReason,
                           Integer removedMarkers) {

    /** @param retrievalMs analysis + retrieval time; @param answerMs composition time; both milliseconds */
    public record Timings(double retrievalMs, double answerMs) {
    }

    static ChatResponse of(ChatReply r) {
        return new ChatResponse(r.sessionId(), r.answerId(), r.answer().text(), r.answer().grounded(), r.answer().mode().code(),
                r.answer().frameworks(), r.answer().citations(), r.answer().sections(),
                new Timings(round(r.retrievalMs()), round(r.answerMs())), r.answer().fallbackReason(),
                r.answer().removedMarkers() > 0 ? r.answer().removedMarkers() : null);
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
