package dev.stackadvisor.answer;

/**
 * An LLM answer could not be had; the extractive answer is served instead, with {@link #reason()} as its
 * {@code fallbackReason}.
 */
public final class LlmException extends Exception {

    private final String reason;

    /**
     * @param reason {@code timeout}, {@code connection_failed}, {@code http_<status>}, {@code malformed_response},
     *               {@code empty_answer}, {@code uncited_answer}, {@code circuit_open}, {@code llm_error}
     */
    public LlmException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
