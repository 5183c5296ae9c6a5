package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.testing.AnswerAssertions;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.FakeSlack;
import dev.stackadvisor.testing.SlackConfig;
import dev.stackadvisor.testing.SlackSigner;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /slack/commands} end to end: a signed slash command is acknowledged at once and answered as
 * Block Kit on its response URL, served by a local stand-in for Slack; anything unsigned, forged, stale or
 * altered is refused and answers nothing.
 */
@Timeout(120)
@EndToEnd
class SlackCommandsTest {

    private static final String SECRET = "test-signing-secret";
    private static final String COMMANDS = "/slack/commands";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static FakeSlack slack;
    private static FakeSlack attacker;
    private static TestServer server;
    private static final SlackSigner signer = new SlackSigner(SECRET);

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        attacker = new FakeSlack();
        server = TestServer.start(SlackConfig.keyword(SECRET, "xoxb-test-token", slack.apiBaseUrl()));
    }

    @AfterAll
    static void stop() {
        server.stop();
        slack.close();
        attacker.close();
    }

    private static String token() {
        return "t" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String user() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static Response send(HttpRequest.Builder request) {
        return server.send(request);
    }

    private static String url() {
        return server.baseUrl() + COMMANDS;
    }

    @Test
    void should_acknowledge_at_once_and_post_the_cited_answer_as_block_kit() {
        String token = token();
        String question = "whats laravel best at";
        long t0 = System.nanoTime();
        Response ack = send(signer.signed(url(), FORM, SlackSigner.command(question, user(), slack.responseUrl(token))));
        long ackMs = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(200, ack.status(), ack::toString);
        assertTrue(ackMs < 3000, () -> "Slack needs the acknowledgement within 3 s, took " + ackMs + " ms");
        assertEquals("ephemeral", ack.json().path("response_type").asText(), ack::toString);
        assertFalse(ack.json().path("text").asText().isBlank(), ack::toString);

        assertTrue(FakeSlack.await(WAIT, () -> !slack.responses(token).isEmpty()), "no answer posted to the response URL");
        FakeSlack.Received posted = slack.responses(token).get(0);
        assertTrue(posted.contentType().startsWith("application/json"), posted::toString);
        JsonNode msg = posted.body();
        assertEquals("in_channel", msg.path("response_type").asText(), msg::toString);
        JsonNode blocks = msg.path("blocks");
        assertTrue(blocks.isArray() && blocks.size() >= 3 && blocks.size() <= BlockKit.MAX_BLOCKS, msg::toString);

        // who asked what, then the answer, then the sources
        assertEquals("context", blocks.get(0).path("type").asText(), msg::toString);
        assertTrue(blocks.get(0).path("elements").get(0).path("text").asText().contains(question), msg::toString);
        StringBuilder answer = new StringBuilder();
        List<String> sources = new ArrayList<>();
        for (int i = 1; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            if (b.path("type").asText().equals("section")) {
                assertTrue(sources.isEmpty(), () -> "a section after the sources: " + msg);
                assertEquals("mrkdwn", b.path("text").path("type").asText(), msg::toString);
                String text = b.path("text").path("text").asText();
                assertTrue(text.length() <= BlockKit.MAX_SECTION_TEXT, () -> "section of " + text.length());
                answer.append(text).append('\n');
            } else if (b.path("type").asText().equals("actions")) {
                assertEquals(blocks.size() - 1, i, () -> "the feedback buttons come last: " + msg);
            } else {
                assertEquals("context", b.path("type").asText(), msg::toString);
                assertTrue(b.path("elements").size() <= BlockKit.MAX_CONTEXT_ELEMENTS, msg::toString);
                for (JsonNode e : b.path("elements")) {
                    assertEquals("mrkdwn", e.path("type").asText(), msg::toString);
                    assertTrue(e.path("text").asText().length() <= BlockKit.MAX_CONTEXT_TEXT, msg::toString);
                    sources.add(e.path("text").asText());
                }
            }
        }
        // the same question through the REST API gives the same (deterministic, extractive) answer
        JsonNode api = server.chat(question).json();
        String apiFirstLine = Mrkdwn.escape(api.path("answer").asText().lines().findFirst().orElseThrow());
        String shownFirstLine = Mrkdwn.fromAnswer(api.path("answer").asText().lines().findFirst().orElseThrow(), Map.of());
        assertTrue(answer.toString().contains(shownFirstLine), () -> "answer section lacks '" + shownFirstLine + "': " + answer);
        assertTrue(shownFirstLine.contains("*Laravel*") && !shownFirstLine.contains("**"), "Markdown bold as Slack's: " + shownFirstLine);
        assertTrue(answer.toString().contains("Laravel"), answer::toString);
        List<Integer> markers = AnswerAssertions.markers(answer.toString());
        assertFalse(markers.isEmpty(), () -> "no [n] markers in " + answer);
        assertEquals(api.path("citations").size(), sources.size(), () -> "sources: " + sources);
        for (int n = 1; n <= sources.size(); n++) {
            JsonNode c = api.path("citations").get(n - 1);
            String element = sources.get(n - 1);
            assertTrue(element.startsWith("*[" + n + "]* " + c.path("title").asText()), element);
            assertTrue(element.contains("“"), () -> "no quote in " + element);
            assertTrue(markers.contains(n), () -> "source " + element + " is not cited in " + answer);
        }
        String fallback = msg.path("text").asText();
        assertTrue(fallback.contains(apiFirstLine) && fallback.contains("Sources:"), fallback);
        assertTrue(fallback.length() <= BlockKit.MAX_FALLBACK_TEXT, fallback);
    }

    @Test
    void should_post_a_comparison_with_the_frameworks_side_by_side_as_section_fields() {
        String token = token();
        Response ack = send(signer.signed(url(), FORM, SlackSigner.command("fastify vs nestjs?", user(), slack.responseUrl(token))));
        assertEquals(200, ack.status(), ack::toString);
        assertTrue(FakeSlack.await(WAIT, () -> !slack.responses(token).isEmpty()), "no answer posted to the response URL");
        JsonNode msg = slack.responses(token).get(0).body();

        // the structured answer of the REST API, as Slack's two-column fields: one per framework, with its markers
        JsonNode sections = server.chat("fastify vs nestjs?").json().path("sections");
        List<JsonNode> withFields = new ArrayList<>();
        msg.path("blocks").forEach(b -> {
            if (b.has("fields")) {
                withFields.add(b);
            }
        });
        assertEquals(1, withFields.size(), msg::toString);
        JsonNode fields = withFields.get(0).path("fields");
        assertEquals(sections.path("frameworks").size(), fields.size(), msg::toString);
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = sections.path("frameworks").get(i);
            String field = fields.get(i).path("text").asText();
            assertEquals("mrkdwn", fields.get(i).path("type").asText(), msg::toString);
            assertTrue(field.startsWith("*" + f.path("name").asText() + "*"), field);
            assertTrue(field.length() <= BlockKit.MAX_FIELD_TEXT, field);
            for (JsonNode item : f.path("watchOuts")) {
                assertTrue(field.contains("• Watch out: ") && field.contains("[" + item.path("n").asInt() + "]"), field);
            }
        }
    }

    @Test
    void should_answer_an_empty_command_with_a_usage_hint_and_post_nothing() {
        String token = token();
        Response ack = send(signer.signed(url(), FORM, SlackSigner.command("  ", user(), slack.responseUrl(token))));

        assertEquals(200, ack.status(), ack::toString);
        assertEquals("ephemeral", ack.json().path("response_type").asText());
        assertTrue(ack.json().path("text").asText().contains("/advisor "), ack::toString);
        assertNothingPostedFor(List.of(token));
    }

    @Test
    void should_refuse_forged_stale_future_unsigned_and_altered_requests_and_post_nothing() {
        long now = Instant.now().getEpochSecond();
        List<String> tokens = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        record Case(String why, HttpRequest.Builder request, String code) {
        }
        List<Case> cases = new ArrayList<>();
        String forged = token();
        String body = SlackSigner.command("django or rails?", user(), slack.responseUrl(forged));
        cases.add(new Case("forged", SlackSigner.unsigned(url(), FORM, body)
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", new SlackSigner("not-the-secret").signature(now, body)), "invalid_signature"));
        tokens.add(forged);
        String stale = token();
        cases.add(new Case("six minutes old", signer.signed(url(), FORM,
                SlackSigner.command("django or rails?", user(), slack.responseUrl(stale)), now - 360), "stale_timestamp"));
        tokens.add(stale);
        String future = token();
        cases.add(new Case("six minutes ahead", signer.signed(url(), FORM,
                SlackSigner.command("django or rails?", user(), slack.responseUrl(future)), now + 360), "stale_timestamp"));
        tokens.add(future);
        String unsigned = token();
        cases.add(new Case("no Slack headers", SlackSigner.unsigned(url(), FORM,
                SlackSigner.command("django or rails?", user(), slack.responseUrl(unsigned))), "missing_signature"));
        tokens.add(unsigned);
        String noSignature = token();
        cases.add(new Case("timestamp but no signature", SlackSigner.unsigned(url(), FORM,
                SlackSigner.command("django or rails?", user(), slack.responseUrl(noSignature)))
                .header("X-Slack-Request-Timestamp", Long.toString(now)), "missing_signature"));
        tokens.add(noSignature);
        String noTimestamp = token();
        String noTimestampBody = SlackSigner.command("django or rails?", user(), slack.responseUrl(noTimestamp));
        cases.add(new Case("signature but no timestamp", SlackSigner.unsigned(url(), FORM, noTimestampBody)
                .header("X-Slack-Signature", signer.signature(now, noTimestampBody)), "missing_signature"));
        tokens.add(noTimestamp);
        String altered = token();
        String original = SlackSigner.command("django or rails?", user(), slack.responseUrl(altered));
        String changed = original.replace("django+or+rails%3F", "spring+or+rails%3F");
        assertFalse(original.equals(changed));
        cases.add(new Case("body altered after signing", SlackSigner.unsigned(url(), FORM, changed)
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", signer.signature(now, original)), "invalid_signature"));
        tokens.add(altered);

        for (Case c : cases) {
            Response r = send(c.request());
            assertEquals(401, r.status(), () -> c.why() + ": " + r);
            assertEquals(c.code(), r.json().path("error").path("code").asText(), () -> c.why() + ": " + r);
            assertFalse(r.json().path("error").path("message").asText().isBlank(), () -> c.why() + ": " + r);
            codes.add(c.code());
        }
        assertEquals(cases.size(), codes.size());
        assertNothingPostedFor(tokens);
    }

    @Test
    void should_never_post_to_a_response_url_outside_slack_or_the_configured_api_host() {
        String token = token();
        for (String target : List.of(attacker.responseUrl(token), "https://evil.example/commands/T1/1/" + token,
                "https://hooks.slack.com.evil.example/commands/T1/1/" + token)) {
            Response r = send(signer.signed(url(), FORM, SlackSigner.command("fastapi or nestjs?", user(), target)));
            assertEquals(400, r.status(), () -> target + ": " + r);
            assertEquals("invalid_response_url", r.json().path("error").path("code").asText(), r::toString);
        }
        assertNothingPostedFor(List.of(token));
        assertTrue(attacker.responses().isEmpty(), () -> "posted to another host: " + attacker.responses());
    }

    @Test
    void should_refuse_a_signed_body_that_is_not_a_form() {
        String token = token();
        Response r = send(signer.signed(url(), "application/json", "{\"text\": \"go or rust\", \"response_url\": \""
                + slack.responseUrl(token) + "\"}"));
        assertEquals(415, r.status(), r::toString);
        assertEquals("unsupported_media_type", r.json().path("error").path("code").asText(), r::toString);
    }

    /**
     * Nothing reached the response URLs ending in {@code tokens}: a valid command sent afterwards is answered
     * (so the workers have run), and a short grace period passes, before looking.
     */
    private static void assertNothingPostedFor(List<String> tokens) {
        String sentinel = token();
        Response ack = send(signer.signed(url(), FORM, SlackSigner.command("is go good for microservices", user(),
                slack.responseUrl(sentinel))));
        assertEquals(200, ack.status(), ack::toString);
        assertTrue(FakeSlack.await(WAIT, () -> !slack.responses(sentinel).isEmpty()), "the sentinel command was not answered");
        FakeSlack.await(Duration.ofMillis(300), () -> false);
        for (String t : tokens) {
            assertTrue(slack.responses(t).isEmpty(), () -> "posted for a refused request: " + slack.responses(t));
        }
    }
}
