package dev.stackadvisor.answer;

import java.util.Objects;

/**
 * An LLM answer could not be had; the extractive answer is served instead, with {@link #code()} as its
 * {@code fallbackReason}.
 */
public final class LlmException extends Exception {

    private final FallbackReason reason;
    private final int httpStatus;

    /** A failure without an HTTP status. */
    public LlmException(FallbackReason reason, String message, Throwable cause) {
        this(reason, 0, message, cause);
    }

    /**
     * @param httpStatus the LLM server's HTTP status for {@link FallbackReason#HTTP_STATUS}, else 0
     */
    public LlmException(FallbackReason reason, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
    }

    public FallbackReason reason() {
        return reason;
    }

    /** The reason as the API writes it: {@code timeout}, {@code http_500}, {@code circuit_open}… */
    public String code() {
        return reason == FallbackReason.HTTP_STATUS ? "http_" + httpStatus : reason.code();
    }
}
