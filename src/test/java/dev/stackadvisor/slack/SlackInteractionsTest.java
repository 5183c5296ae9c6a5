package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.FakeSlack;
import dev.stackadvisor.testing.SlackSigner;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feedback from Slack end to end: an answer posted to Slack carries 👍 / 👎 buttons naming its answer id; the
 * {@code block_actions} payload Slack sends on a click ({@code POST /slack/interactions}, form-encoded
 * {@code payload=}) is stored as a rating when signed, and refused (401, nothing stored) when unsigned, forged or
 * stale.
 */
@Timeout(120)
@EndToEnd
class SlackInteractionsTest {

    private static final String SECRET = "test-signing-secret";
    private static final String ADMIN = "admin-key-for-slack-feedback";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final SlackSigner signer = new SlackSigner(SECRET);

    private static FakeSlack slack;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        slack = new FakeSlack();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_API_BASE_URL", slack.apiBaseUrl());
        env.put("ADVISOR_ADMIN_KEYS", ADMIN);
        env.put("ADVISOR_DATA_DIR", Files.createTempDirectory("slack-feedback").toString());
        server = TestServer.start(TestServer.config(AppConfig.Retrieval.KEYWORD, TestServer.SHARED_CACHE_DIR, env));
    }

    @AfterAll
    static void stop() {
        server.stop();
        slack.close();
    }

    /** Asks through a slash command and returns the answer message Slack received. */
    private static JsonNode answerInSlack(String question) {
        String token = "t" + UUID.randomUUID().toString().replace("-", "");
        Response ack = server.send(signer.signed(server.baseUrl() + "/slack/commands", FORM,
                SlackSigner.command(question, "U0FEEDBACK", slack.responseUrl(token))));
        assertEquals(200, ack.status(), ack.toString());
        assertTrue(FakeSlack.await(Duration.ofSeconds(5), () -> !slack.responses(token).isEmpty()), "no answer posted");
        return slack.responses(token).get(0).body();
    }

    /** The form body Slack posts when a user clicks {@code button} of {@code message}. */
    private static String click(JsonNode message, String actionId) {
        return click(message, actionId, "click");
    }

    /** As {@link #click(JsonNode, String)} with a response URL ending in {@code token}. */
    private static String click(JsonNode message, String actionId, String token) {
        JsonNode actions = message.path("blocks").get(message.path("blocks").size() - 1);
        JsonNode button = null;
        for (JsonNode b : actions.path("elements")) {
            if (b.path("action_id").asText().equals(actionId)) {
                button = b;
            }
        }
        assertTrue(button != null, "no button " + actionId + " in " + actions);
        String payload = TestServer.toJson(Map.of(
                "type", "block_actions",
                "user", Map.of("id", "U0FEEDBACK", "username", "dev", "team_id", "T0001"),
                "team", Map.of("id", "T0001", "domain", "acme"),
                "channel", Map.of("id", "C0001", "name", "backend"),
                "response_url", slack.responseUrl(token),
                "trigger_id", "13345224609.738474920." + UUID.randomUUID(),
                "actions", java.util.List.of(Map.of("type", "button", "action_id", actionId,
                        "block_id", actions.path("block_id").asText(), "value", button.path("value").asText(),
                        "action_ts", "1548426417.840180"))));
        return SlackSigner.form(Map.of("payload", payload));
    }

    private static JsonNode slackRatings() {
        return TestServer.sendWithNewClient(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/feedback?limit=1000"))
                .header("Authorization", "Bearer " + ADMIN).GET()).json().path("feedback");
    }

    private static boolean stored(String answerId) {
        for (JsonNode n : slackRatings()) {
            if (n.path("answerId").asText().equals(answerId)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void should_carry_accessible_feedback_buttons_with_the_answer_id() {
        JsonNode message = answerInSlack("whats laravel best at");
        JsonNode actions = message.path("blocks").get(message.path("blocks").size() - 1);
        assertEquals("actions", actions.path("type").asText(), message.toString());
        String answerId = actions.path("block_id").asText().substring(BlockKit.FEEDBACK_BLOCK.length());
        assertTrue(answerId.matches("a-[0-9a-f]{24}"), actions.toString());
        assertEquals(2, actions.path("elements").size(), actions.toString());
        for (JsonNode b : actions.path("elements")) {
            assertEquals("button", b.path("type").asText());
            assertEquals(answerId, b.path("value").asText());
            assertEquals("plain_text", b.path("text").path("type").asText());
            assertTrue(b.path("accessibility_label").asText().contains("helpful"), b.toString());
        }
    }

    @Test
    void should_record_a_signed_click_as_a_rating_from_slack() {
        JsonNode message = answerInSlack("fastify vs nestjs?");
        String token = "thanks-" + UUID.randomUUID();
        String body = click(message, BlockKit.NOT_HELPFUL, token);

        Response r = server.send(signer.signed(server.baseUrl() + "/slack/interactions", FORM, body));

        assertEquals(200, r.status(), r.toString());
        String answerId = message.path("blocks").get(message.path("blocks").size() - 1).path("elements").get(0)
                .path("value").asText();
        JsonNode rating = null;
        for (JsonNode n : slackRatings()) {
            if (n.path("answerId").asText().equals(answerId)) {
                rating = n;
            }
        }
        assertTrue(rating != null, "the click is stored");
        assertEquals("down", rating.path("rating").asText());
        assertEquals("slack", rating.path("channel").asText());
        JsonNode turns = rating.path("turns"); // a slash command's session is the user in the channel
        assertEquals("fastify vs nestjs?", turns.get(turns.size() - 1).asText());
        // and the user is thanked privately on the click's response URL
        assertTrue(FakeSlack.await(Duration.ofSeconds(5), () -> !slack.responses(token).isEmpty()), "no thanks posted");
        JsonNode thanks = slack.responses(token).get(0).body();
        assertEquals("ephemeral", thanks.path("response_type").asText(), thanks.toString());
        assertTrue(thanks.path("text").asText().startsWith("Thanks"), thanks.toString());
    }

    @Test
    void should_refuse_forged_and_stale_clicks_and_store_nothing() {
        JsonNode message = answerInSlack("is gin fast?");
        String answerId = message.path("blocks").get(message.path("blocks").size() - 1).path("elements").get(0)
                .path("value").asText();
        String body = click(message, BlockKit.HELPFUL);
        String url = server.baseUrl() + "/slack/interactions";

        Response unsigned = server.send(SlackSigner.unsigned(url, FORM, body));
        Response forged = server.send(new SlackSigner("not-the-secret").signed(url, FORM, body));
        Response stale = server.send(signer.signed(url, FORM, body, Instant.now().minusSeconds(600).getEpochSecond()));
        Response altered = server.send(signer.signed(url, FORM, body).POST(HttpRequest.BodyPublishers.ofString(
                body.replace(answerId, "a-000000000000000000000000"))));

        assertEquals(401, unsigned.status(), unsigned.toString());
        assertEquals("missing_signature", unsigned.json().path("error").path("code").asText());
        assertEquals(401, forged.status(), forged.toString());
        assertEquals("invalid_signature", forged.json().path("error").path("code").asText());
        assertEquals(401, stale.status(), stale.toString());
        assertEquals("stale_timestamp", stale.json().path("error").path("code").asText());
        assertEquals(401, altered.status(), altered.toString());
        assertTrue(!stored(answerId), "nothing stored from refused clicks");
    }

    @Test
    void should_answer_400_for_a_signed_body_without_a_usable_payload() {
        String url = server.baseUrl() + "/slack/interactions";
        Response none = server.send(signer.signed(url, FORM, "foo=bar"));
        assertEquals(400, none.status(), none.toString());
        assertEquals("missing_payload", none.json().path("error").path("code").asText());
        Response garbage = server.send(signer.signed(url, FORM, "payload=%7Bnot-json"));
        assertEquals(400, garbage.status(), garbage.toString());
        assertEquals("invalid_payload", garbage.json().path("error").path("code").asText());
        Response other = server.send(signer.signed(url, FORM, SlackSigner.form(Map.of("payload",
                "{\"type\":\"view_submission\",\"actions\":[]}"))));
        assertEquals(200, other.status(), "other interactions are acknowledged and ignored: " + other);
    }
}
