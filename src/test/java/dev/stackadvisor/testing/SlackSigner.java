package dev.stackadvisor.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way Slack does (HMAC-SHA256 of {@code v0:timestamp:body}, hex, {@code v0=} prefix), written
 * here independently of the server's verifier so the tests check the scheme rather than echo the code.
 */
public final class SlackSigner {

    private final String secret;

    public SlackSigner(String secret) {
        this.secret = secret;
    }

    /** {@code v0=<hex>} for a body sent at {@code timestamp} (epoch seconds). */
    public String signature(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST of {@code body}, signed now. */
    public HttpRequest.Builder signed(String url, String contentType, String body) {
        return signed(url, contentType, body, Instant.now().getEpochSecond());
    }

    /** A POST of {@code body}, signed as sent at {@code timestamp}. */
    public HttpRequest.Builder signed(String url, String contentType, String body, long timestamp) {
        return unsigned(url, contentType, body)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature(timestamp, body));
    }

    /** A POST of {@code body} with no Slack headers. */
    public static HttpRequest.Builder unsigned(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** A slash command form body, fields in the given order, as Slack sends it. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The usual fields of a slash command. */
    public static String command(String text, String userId, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "deprecated-verification-token");
        f.put("team_id", "T0001");
        f.put("team_domain", "acme");
        f.put("channel_id", "C0001");
        f.put("channel_name", "backend");
        f.put("user_id", userId);
        f.put("user_name", "dev");
        f.put("command", "/advisor");
        f.put("text", text);
        f.put("api_app_id", "A0001");
        f.put("response_url", responseUrl);
        // unique per invocation, as Slack makes it: the server claims each command by it
        f.put("trigger_id", "13345224609.738474920." + java.util.UUID.randomUUID().toString().replace("-", ""));
        return form(f);
    }
}
