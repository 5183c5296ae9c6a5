package dev.stackadvisor.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request comes from Slack, as "Verifying requests from Slack" prescribes
 * (https://api.slack.com/authentication/verifying-requests-from-slack): the header
 * {@code X-Slack-Signature} must be {@code v0=} followed by the lower-case hex HMAC-SHA256, keyed with the
 * app's signing secret, of {@code v0:{X-Slack-Request-Timestamp}:{raw body}}; the timestamp (epoch seconds)
 * must be within {@link #TOLERANCE} of our clock either way, which stops replays. Signatures are compared in
 * constant time ({@link MessageDigest#isEqual}). JDK crypto only. Thread-safe.
 */
public final class SignatureVerifier {

    /** How far a request's timestamp may be from our clock, in either direction: Slack's documented 5 minutes. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param signingSecret the app's signing secret (Basic Information page of the Slack app); not blank
     * @param clock         the clock the timestamp is held against
     * @throws IllegalArgumentException when the secret is blank
     */
    public SignatureVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("the Slack signing secret must not be blank");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /**
     * Accepts a request or says why not.
     *
     * @param timestamp the {@code X-Slack-Request-Timestamp} header, or null when absent
     * @param signature the {@code X-Slack-Signature} header, or null when absent
     * @param body      the raw body bytes exactly as received (before any parsing)
     * @throws SlackException {@code UNAUTHORIZED} with code {@code missing_signature}, {@code invalid_timestamp},
     *                        {@code stale_timestamp} or {@code invalid_signature}
     */
    public void verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            throw SlackException.unauthorized("missing_signature",
                    "X-Slack-Request-Timestamp and X-Slack-Signature headers are required");
        }
        if (!EPOCH_SECONDS.matcher(timestamp).matches()) {
            throw SlackException.unauthorized("invalid_timestamp", "X-Slack-Request-Timestamp must be epoch seconds");
        }
        long ts = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (ts < now - TOLERANCE.toSeconds() || ts > now + TOLERANCE.toSeconds()) {
            throw SlackException.unauthorized("stale_timestamp",
                    "X-Slack-Request-Timestamp is more than " + TOLERANCE.toMinutes() + " minutes from the server's clock");
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
            throw SlackException.unauthorized("invalid_signature", "X-Slack-Signature does not match the request");
        }
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}. */
    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
