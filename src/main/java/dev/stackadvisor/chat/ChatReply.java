package dev.stackadvisor.chat;

import dev.stackadvisor.answer.Answer;

/**
 * The result of one turn.
 *
 * @param sessionId   the conversation it belongs to
 * @param answer      the answer
 * @param retrievalMs time spent analysing and retrieving, milliseconds
 * @param answerMs    time spent composing the answer, milliseconds
 * @param answerId    names this answer for feedback ({@code a-} + 24 random hex digits), unique per turn
 */
public record ChatReply(String sessionId, Answer answer, double retrievalMs, double answerMs, String answerId) {
}
