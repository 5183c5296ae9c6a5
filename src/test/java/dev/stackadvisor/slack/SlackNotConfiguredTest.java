package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.SlackConfig;
import dev.stackadvisor.testing.SlackSigner;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without a signing secret the Slack routes say so (503); without a bot token events cannot be answered. */
@Timeout(120)
@EndToEnd
class SlackNotConfiguredTest {

    @Test
    void should_answer_503_on_both_routes_without_a_signing_secret() {
        try (TestServer server = TestServer.start(SlackConfig.keyword(null, null, null))) {
            for (String path : new String[] {"/slack/commands", "/slack/events"}) {
                Response r = server.post(path, "application/x-www-form-urlencoded", "text=hi".getBytes());
                assertEquals(503, r.status(), r::toString);
                assertEquals("slack_not_configured", r.json().path("error").path("code").asText(), r::toString);
                assertTrue(r.json().path("error").path("message").asText().contains("Slack is not configured"), r::toString);
            }
        }
    }

    @Test
    void should_verify_the_url_but_refuse_events_without_a_bot_token() {
        SlackSigner signer = new SlackSigner("only-a-secret");
        try (TestServer server = TestServer.start(SlackConfig.keyword("only-a-secret", null, "http://127.0.0.1:9/api"))) {
            String url = server.baseUrl() + "/slack/events";
            Response verification = server.send(signer.signed(url, "application/json",
                    "{\"type\":\"url_verification\",\"challenge\":\"abc\"}"));
            assertEquals(200, verification.status(), verification::toString);
            assertEquals("abc", verification.json().path("challenge").asText());

            Response mention = server.send(signer.signed(url, "application/json", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\","
                    + "\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"<@U0BOT> go?\",\"ts\":\"1.1\",\"channel\":\"C1\"}}"));
            assertEquals(503, mention.status(), mention::toString);
            assertEquals("slack_not_configured", mention.json().path("error").path("code").asText());
            assertTrue(mention.json().path("error").path("message").asText().contains("SLACK_BOT_TOKEN"), mention::toString);
        }
    }
}
