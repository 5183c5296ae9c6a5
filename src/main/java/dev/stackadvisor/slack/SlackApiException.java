package dev.stackadvisor.slack;

/** A post to Slack (a {@code response_url} or a Web API method) that failed: transport, HTTP status or {@code ok:false}. */
public final class SlackApiException extends RuntimeException {

    /** @param message what failed, naming the method or host (never a token) */
    public SlackApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
