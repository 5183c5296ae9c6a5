package dev.stackadvisor.http;

/**
 * A client error with its HTTP status and a stable machine-readable code, rendered as
 * {@code {"error": {"code", "message"}}} by {@link HttpApi}'s single exception handler.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    /**
     * @param status  4xx (or 503 while starting)
     * @param code    e.g. {@code invalid_request}, {@code not_found}, {@code payload_too_large}
     * @param message what is wrong and how to fix it, safe to show the client
     */
    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "invalid_request", message);
    }
}
