package dev.stackadvisor.answer;

/**
 * Why an LLM answer could not be had and the extractive one was served instead; classified from the failure's type,
 * never from its message. {@link LlmException#code()} is what the API writes in {@code "fallbackReason"}.
 */
public enum FallbackReason {
    /** The LLM did not answer within {@code LLM_TIMEOUT_MS}. */
    TIMEOUT("timeout"),
    /** The client went away while the answer streamed. */
    CANCELLED("cancelled"),
    /** No connection (refused, unknown host, connect timeout). */
    CONNECTION_FAILED("connection_failed"),
    /** The LLM server answered with an HTTP error; the code is {@code http_<status>}. */
    HTTP_STATUS("http"),
    /** The response was not the protocol's JSON. */
    MALFORMED_RESPONSE("malformed_response"),
    /** The LLM returned no text. */
    EMPTY_ANSWER("empty_answer"),
    /** The answer cites none of the passages given. */
    UNCITED_ANSWER("uncited_answer"),
    /** Retrieval gave no passage to answer from. */
    NO_PASSAGES("no_passages"),
    /** The circuit breaker is open after repeated failures: no call made. */
    CIRCUIT_OPEN("circuit_open"),
    /** Every LLM call slot and queue place is taken ({@code LLM_MAX_CONCURRENT}, {@code LLM_QUEUE}): no call made. */
    BULKHEAD_FULL("bulkhead_full"),
    /** Any other failure. */
    LLM_ERROR("llm_error");

    private final String code;

    FallbackReason(String code) {
        this.code = code;
    }

    /** The reason as the API writes it; for {@link #HTTP_STATUS} the prefix of {@code http_<status>}. */
    public String code() {
        return code;
    }

    /** Whether the LLM was called at all (false when a guard refused the call: breaker open, bulkhead full). */
    public boolean called() {
        return switch (this) {
            case CIRCUIT_OPEN, BULKHEAD_FULL, NO_PASSAGES -> false;
            case TIMEOUT, CANCELLED, CONNECTION_FAILED, HTTP_STATUS, MALFORMED_RESPONSE, EMPTY_ANSWER, UNCITED_ANSWER,
                 LLM_ERROR -> true;
        };
    }
}
