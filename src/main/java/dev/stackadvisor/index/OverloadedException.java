package dev.stackadvisor.index;

/**
 * The query-embedding queue is full: the server is taking questions faster than MiniLM can embed them. The HTTP
 * layer answers 503 {@code overloaded} with {@code Retry-After}; nothing was computed for the request.
 */
public final class OverloadedException extends RuntimeException {

    private final int retryAfterSeconds;

    /**
     * @param message           what is full, safe to show the client
     * @param retryAfterSeconds a hint for {@code Retry-After}, ≥ 1
     */
    public OverloadedException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds after which a retry is likely to be taken (the queue drains in well under a second). */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
