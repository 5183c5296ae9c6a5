package dev.stackadvisor.feedback;

/**
 * The database cannot be reached (or is not configured): feedback cannot be stored or read now. The HTTP layer
 * answers 503 {@code feedback_unavailable}; chat is never affected.
 */
public final class FeedbackUnavailableException extends RuntimeException {

    /** @param message what is wrong, safe to show a client (never a password or URL) */
    public FeedbackUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
