package dev.stackadvisor.feedback;

import java.time.Instant;

/**
 * One rating with the answer it rates.
 *
 * @param feedbackId names the rating ({@code f-} + random hex)
 * @param rating     up or down
 * @param comment    what the user wrote, or null
 * @param channel    where it came from: {@code api} (HTTP and the widget) or {@code slack}
 * @param createdAt  when it was given
 * @param answer     the answer rated
 */
public record RatedAnswer(String feedbackId, Rating rating, String comment, String channel, Instant createdAt,
                          AnswerRecord answer) {
}
