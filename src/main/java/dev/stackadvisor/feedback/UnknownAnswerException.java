package dev.stackadvisor.feedback;

/** Feedback names an answer id no answer was recorded under (or not yet: see {@link AnswerRecorder}). */
public final class UnknownAnswerException extends RuntimeException {

    /** @param answerId the id as given */
    public UnknownAnswerException(String answerId) {
        super("no answer with answerId '" + answerId + "': rate an answer this server gave (its answerId field)");
    }
}
