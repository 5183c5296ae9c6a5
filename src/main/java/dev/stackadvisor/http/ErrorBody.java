package dev.stackadvisor.http;

/** The error contract: {@code {"error": {"code": "invalid_request", "message": "…"}}}. */
public record ErrorBody(Detail error) {

    /** @param code stable machine-readable code; @param message human-readable explanation */
    public record Detail(String code, String message) {
    }

    static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }
}
