package dev.stackadvisor.slack;

/**
 * A Slack request we refuse, with a stable machine-readable code. The HTTP layer maps {@link Kind} to a status
 * in one place: {@code UNAUTHORIZED} 401, {@code BAD_REQUEST} 400, {@code UNSUPPORTED_MEDIA_TYPE} 415,
 * {@code NOT_CONFIGURED} and {@code BUSY} 503.
 */
public final class SlackException extends RuntimeException {

    /** What went wrong, which decides the HTTP status. */
    public enum Kind {
        /** Missing, malformed, forged or stale signature. */
        UNAUTHORIZED,
        /** A signed body we cannot use. */
        BAD_REQUEST,
        /** Not the content type the endpoint takes. */
        UNSUPPORTED_MEDIA_TYPE,
        /** {@code SLACK_SIGNING_SECRET} (or, for events, {@code SLACK_BOT_TOKEN}) is not set. */
        NOT_CONFIGURED,
        /** Every answer worker is busy and the queue is full: Slack retries events answered 503. */
        BUSY
    }

    private final Kind kind;
    private final String code;

    /**
     * @param kind    decides the status
     * @param code    e.g. {@code invalid_signature}, {@code stale_timestamp}, {@code slack_not_configured}
     * @param message what is wrong, safe to show the caller (never contains a secret)
     */
    public SlackException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    static SlackException unauthorized(String code, String message) {
        return new SlackException(Kind.UNAUTHORIZED, code, message);
    }

    static SlackException badRequest(String code, String message) {
        return new SlackException(Kind.BAD_REQUEST, code, message);
    }
}
