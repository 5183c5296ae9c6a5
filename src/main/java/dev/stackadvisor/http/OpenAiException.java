package dev.stackadvisor.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error of the OpenAI-compatible API, rendered in OpenAI's shape
 * {@code {"error": {"message", "type", "param", "code"}}} (param and code may be null) by the one handler
 * {@link OpenAiRoutes} registers, so OpenAI client libraries raise their usual exceptions.
 */
final class OpenAiException extends RuntimeException {

    /** OpenAI's error type for a request the client must fix. */
    static final String INVALID_REQUEST = "invalid_request_error";

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    /**
     * @param status  HTTP status
     * @param type    e.g. {@code invalid_request_error}, {@code server_error}
     * @param param   the offending request field, e.g. {@code messages[2].content}, or null
     * @param code    e.g. {@code model_not_found}, {@code string_above_max_length}, or null
     * @param message what is wrong and how to fix it
     */
    OpenAiException(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** A 400 {@code invalid_request_error}. */
    static OpenAiException invalid(String param, String code, String message) {
        return new OpenAiException(400, INVALID_REQUEST, param, code, message);
    }

    int status() {
        return status;
    }

    Body body() {
        return new Body(new Detail(getMessage(), type, param, code));
    }

    /** {@code {"error": {…}}}. */
    record Body(Detail error) {
    }

    /** OpenAI's error detail; null param and code are sent as JSON nulls, as OpenAI does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Detail(String message, String type, String param, String code) {
    }
}
