package dev.stackadvisor.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Posts our messages to Slack over {@link HttpClient}: to a slash command's {@code response_url}
 * (https://api.slack.com/interactivity/handling#message_responses) and to
 * {@code chat.postMessage} (https://api.slack.com/methods/chat.postMessage) with the bot token as
 * {@code Authorization: Bearer}. Every call is bounded by the connect and request timeouts. A 429 (rate
 * limited: Slack did not take the message) is retried once, after {@code Retry-After} seconds (at most
 * {@link #MAX_RETRY_WAIT}); a 5xx is not, since the message may have been posted and a retry could post it
 * twice. Thread-safe.
 */
public final class SlackClient {

    /** Longest wait before the one retry, whatever {@code Retry-After} asks for. */
    public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI apiBase;
    private final String botToken;
    private final ObjectMapper json;
    private final Duration requestTimeout;

    /**
     * @param apiBaseUrl     {@code SLACK_API_BASE_URL}, e.g. {@code https://slack.com/api}
     * @param botToken       {@code SLACK_BOT_TOKEN} ({@code xoxb-…}), "" when unset (then only response URLs work)
     * @param connectTimeout bound on opening a connection
     * @param requestTimeout bound on one request, from sending to the end of the response headers
     */
    public SlackClient(String apiBaseUrl, String botToken, ObjectMapper json, Duration connectTimeout,
                       Duration requestTimeout) {
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
        this.apiBase = URI.create(base);
        this.botToken = botToken;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead anywhere: see ResponseUrlPolicy
                .build();
    }

    /** Whether a bot token is configured, so Web API methods can be called. */
    public boolean hasBotToken() {
        return !botToken.isBlank();
    }

    /**
     * Answers a slash command through its response URL, visible to the whole channel.
     *
     * @param responseUrl an URL {@link ResponseUrlPolicy} allowed
     * @throws SlackApiException when Slack does not take it
     */
    public void respond(URI responseUrl, SlackMessage message, boolean inChannel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", inChannel ? "in_channel" : "ephemeral");
        body.put("replace_original", false);
        body.put("text", message.text());
        body.put("blocks", message.blocks());
        HttpResponse<String> r = send(HttpRequest.newBuilder(responseUrl), body, "response_url " + responseUrl.getHost());
        if (r.statusCode() / 100 != 2) {
            throw new SlackApiException("response_url " + responseUrl.getHost() + " answered " + r.statusCode()
                    + ": " + snippet(r.body()), null);
        }
    }

    /**
     * Posts a message into a thread with {@code chat.postMessage}.
     *
     * @param threadTs the thread's root timestamp (the message itself when it starts a thread)
     * @return the posted message's {@code ts}, when Slack returns one
     * @throws SlackApiException on a transport failure, a non-2xx status or {@code "ok": false}
     * @throws IllegalStateException when no bot token is configured
     */
    public Optional<String> postMessage(String channel, String threadTs, SlackMessage message) {
        if (!hasBotToken()) {
            throw new IllegalStateException("SLACK_BOT_TOKEN is not set");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("thread_ts", threadTs);
        body.put("text", message.text());
        body.put("blocks", message.blocks());
        body.put("unfurl_links", false);
        body.put("unfurl_media", false);
        HttpResponse<String> r = send(HttpRequest.newBuilder(apiBase.resolve("chat.postMessage"))
                .header("Authorization", "Bearer " + botToken), body, "chat.postMessage");
        JsonNode reply = parse(r.body());
        if (r.statusCode() / 100 != 2 || reply == null || !reply.path("ok").asBoolean(false)) {
            String error = reply == null ? snippet(r.body()) : reply.path("error").asText("no error given");
            throw new SlackApiException("chat.postMessage answered " + r.statusCode() + ": " + error, null);
        }
        return Optional.ofNullable(reply.path("ts").textValue());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Object body, String what) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a Slack message", e);
        }
        HttpRequest built = request.timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 429) {
                Thread.sleep(retryWait(r).toMillis());
                r = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return r;
        } catch (IOException e) {
            throw new SlackApiException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackApiException(what + " was interrupted", e);
        }
    }

    /** {@code Retry-After} seconds, 1 when absent or unreadable, at most {@link #MAX_RETRY_WAIT}. */
    private static Duration retryWait(HttpResponse<?> r) {
        long seconds = 1;
        try {
            seconds = Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").strip());
        } catch (NumberFormatException ignored) {
            // an HTTP date or garbage: wait the default
        }
        Duration wait = Duration.ofSeconds(Math.max(0, seconds));
        return wait.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : wait;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String snippet(String body) {
        String s = body == null ? "" : body.strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
