package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.FakeSlack;
import dev.stackadvisor.testing.SlackConfig;
import dev.stackadvisor.testing.SlackSigner;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /slack/events} end to end against a local stand-in for Slack's Web API: mentions and direct
 * messages are answered once, in their thread, with the bot token; retries, the bot's own messages and other
 * events are not answered; url_verification echoes its challenge.
 */
@Timeout(120)
@EndToEnd
class SlackEventsTest {

    private static final String SECRET = "events-signing-secret";
    private static final String BOT_TOKEN = "xoxb-events-test";
    private static final String BOT_USER = "U0BOT";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicLong TS = new AtomicLong(1_700_000_000L);

    private static FakeSlack slack;
    private static TestServer server;
    private static final SlackSigner signer = new SlackSigner(SECRET);

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        server = TestServer.start(SlackConfig.keyword(SECRET, BOT_TOKEN, slack.apiBaseUrl()));
    }

    @AfterAll
    static void stop() {
        server.stop();
        slack.close();
    }

    /** A fresh channel id, so each test reads only its own posts. */
    private static String channel() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    private static String ts() {
        return TS.incrementAndGet() + ".000100";
    }

    private static Map<String, Object> event(String type, String channel, String user, String text, String ts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("user", user);
        e.put("text", text);
        e.put("ts", ts);
        e.put("channel", channel);
        e.put("event_ts", ts);
        return e;
    }

    private static String callback(Map<String, Object> event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", "deprecated");
        body.put("team_id", "T0001");
        body.put("api_app_id", "A0001");
        body.put("event", event);
        body.put("type", "event_callback");
        body.put("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT));
        body.put("event_time", Instant.now().getEpochSecond());
        body.put("authorizations", List.of(Map.of("enterprise_id", "", "team_id", "T0001", "user_id", BOT_USER,
                "is_bot", true, "is_enterprise_install", false)));
        return TestServer.toJson(body);
    }

    private static Response deliver(String json) {
        return server.send(signer.signed(server.baseUrl() + "/slack/events", "application/json", json));
    }

    private static List<FakeSlack.Received> postsTo(String channel) {
        return slack.postMessages(r -> channel.equals(r.body().path("channel").asText()));
    }

    @Test
    void should_echo_the_challenge_of_a_signed_url_verification() {
        String body = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        Response r = deliver(body);
        assertEquals(200, r.status(), r::toString);
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", r.json().path("challenge").asText(), r::toString);

        Response unsigned = server.send(SlackSigner.unsigned(server.baseUrl() + "/slack/events", "application/json", body));
        assertEquals(401, unsigned.status(), unsigned::toString);
        assertEquals("missing_signature", unsigned.json().path("error").path("code").asText());
    }

    @Test
    void should_answer_a_mention_once_in_its_thread_with_the_bot_token() {
        String channel = channel();
        String ts = ts();
        Response r = deliver(callback(event("app_mention", channel, "U0ALICE", "<@" + BOT_USER + "> whats laravel best at", ts)));

        assertEquals(200, r.status(), r::toString);
        assertTrue(FakeSlack.await(WAIT, () -> !postsTo(channel).isEmpty()), "no chat.postMessage");
        FakeSlack.Received post = postsTo(channel).get(0);
        assertEquals("/api/chat.postMessage", post.path());
        assertEquals("Bearer " + BOT_TOKEN, post.authorization());
        assertTrue(post.contentType().startsWith("application/json"), post::toString);
        JsonNode body = post.body();
        assertEquals(ts, body.path("thread_ts").asText(), body::toString);
        String text = body.path("text").asText();
        assertTrue(text.contains("Laravel") && text.contains("Sources:"), text);
        JsonNode blocks = body.path("blocks");
        assertEquals("section", blocks.get(0).path("type").asText(), body::toString);
        assertTrue(blocks.get(0).path("text").path("text").asText().contains("Laravel"), body::toString);
        assertEquals("context", blocks.get(blocks.size() - 2).path("type").asText(), body::toString);
        assertTrue(blocks.get(blocks.size() - 2).path("elements").get(0).path("text").asText().startsWith("*[1]*"), body::toString);
        // the last block: 👍 / 👎 for feedback on this answer
        assertEquals("actions", blocks.get(blocks.size() - 1).path("type").asText(), body::toString);
        assertTrue(blocks.get(blocks.size() - 1).path("block_id").asText().startsWith(BlockKit.FEEDBACK_BLOCK), body::toString);
    }

    @Test
    void should_answer_an_event_once_however_often_slack_retries_it() {
        String channel = channel();
        String json = callback(event("app_mention", channel, "U0ALICE", "<@" + BOT_USER + "> fastapi or nestjs for agents?", ts()));

        Response first = deliver(json);
        Response retry1 = server.send(signer.signed(server.baseUrl() + "/slack/events", "application/json", json)
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout"));
        Response retry2 = server.send(signer.signed(server.baseUrl() + "/slack/events", "application/json", json)
                .header("X-Slack-Retry-Num", "2").header("X-Slack-Retry-Reason", "http_timeout"));

        for (Response r : List.of(first, retry1, retry2)) {
            assertEquals(200, r.status(), r::toString);
        }
        assertTrue(FakeSlack.await(WAIT, () -> !postsTo(channel).isEmpty()), "no chat.postMessage");
        // give duplicates every chance to show up before counting
        assertFalse(FakeSlack.await(Duration.ofSeconds(2), () -> postsTo(channel).size() > 1),
                () -> "answered more than once: " + postsTo(channel).size());
        assertEquals(1, postsTo(channel).size());
    }

    @Test
    void should_not_answer_the_bots_own_messages_or_other_events() {
        String channel = channel();
        Map<String, Object> botMessage = event("message", channel, null, "FastAPI fits AI services [1].", ts());
        botMessage.remove("user");
        botMessage.put("bot_id", "B0BOT");
        botMessage.put("channel_type", "im");
        Map<String, Object> botSubtype = event("message", channel, "U0ALICE", "an old bot", ts());
        botSubtype.put("subtype", "bot_message");
        botSubtype.put("channel_type", "im");
        Map<String, Object> ownUser = event("message", channel, BOT_USER, "Django or Rails?", ts());
        ownUser.put("channel_type", "im");
        Map<String, Object> edited = event("message", channel, "U0ALICE", "Django or Rails?", ts());
        edited.put("subtype", "message_changed");
        edited.put("channel_type", "im");
        Map<String, Object> channelChatter = event("message", channel, "U0ALICE", "Django or Rails?", ts());
        channelChatter.put("channel_type", "channel");
        Map<String, Object> mentionByBot = event("app_mention", channel, "U0OTHERBOT", "<@" + BOT_USER + "> Django?", ts());
        mentionByBot.put("bot_id", "B0OTHER");
        Map<String, Object> reaction = Map.of("type", "reaction_added", "user", "U0ALICE", "reaction", "thumbsup",
                "item", Map.of("type", "message", "channel", channel, "ts", "1.2"), "event_ts", ts());

        for (Map<String, Object> e : List.of(botMessage, botSubtype, ownUser, edited, channelChatter, mentionByBot, reaction)) {
            Response r = deliver(callback(e));
            assertEquals(200, r.status(), () -> e + ": " + r);
        }
        // a person's direct message in the same channel is answered: once it is, the others had their chance
        String dmTs = ts();
        Map<String, Object> dm = event("message", channel, "U0ALICE", "is spring boot good for enterprise", dmTs);
        dm.put("channel_type", "im");
        assertEquals(200, deliver(callback(dm)).status());
        assertTrue(FakeSlack.await(WAIT, () -> !postsTo(channel).isEmpty()), "the direct message was not answered");
        FakeSlack.await(Duration.ofMillis(500), () -> false);
        List<FakeSlack.Received> posts = postsTo(channel);
        assertEquals(1, posts.size(), () -> "answered something it should not have: " + posts);
        assertEquals(dmTs, posts.get(0).body().path("thread_ts").asText());
        assertTrue(posts.get(0).body().path("text").asText().contains("Spring Boot"), () -> posts.get(0).body().toString());
    }

    @Test
    void should_keep_the_context_of_a_thread_for_follow_ups() {
        String channel = channel();
        String root = ts();
        assertEquals(200, deliver(callback(event("app_mention", channel, "U0ALICE", "<@" + BOT_USER + "> whats laravel best at", root))).status());
        assertTrue(FakeSlack.await(WAIT, () -> postsTo(channel).size() == 1), "first question not answered");

        Map<String, Object> followUp = event("app_mention", channel, "U0ALICE", "<@" + BOT_USER + "> and its limitations?", ts());
        followUp.put("thread_ts", root);
        assertEquals(200, deliver(callback(followUp)).status());
        assertTrue(FakeSlack.await(WAIT, () -> postsTo(channel).size() == 2), "follow-up not answered");

        JsonNode reply = postsTo(channel).get(1).body();
        assertEquals(root, reply.path("thread_ts").asText(), reply::toString);
        String text = reply.path("text").asText();
        assertTrue(text.contains("Laravel"), () -> "the follow-up lost the thread's subject: " + text);
        assertFalse(text.equals(postsTo(channel).get(0).body().path("text").asText()), "the follow-up got the first answer again");
    }

    @Test
    void should_answer_a_bare_mention_with_a_usage_hint() {
        String channel = channel();
        assertEquals(200, deliver(callback(event("app_mention", channel, "U0ALICE", "<@" + BOT_USER + ">", ts()))).status());
        assertTrue(FakeSlack.await(WAIT, () -> !postsTo(channel).isEmpty()), "no reply");
        String text = postsTo(channel).get(0).body().path("text").asText();
        assertTrue(text.startsWith("Ask me which backend framework"), text);
    }

    @Test
    void should_refuse_unsigned_and_stale_events_and_answer_nothing() {
        String channel = channel();
        String json = callback(event("app_mention", channel, "U0ALICE", "<@" + BOT_USER + "> go or rust?", ts()));
        long now = Instant.now().getEpochSecond();

        Response unsigned = server.send(SlackSigner.unsigned(server.baseUrl() + "/slack/events", "application/json", json));
        Response stale = server.send(signer.signed(server.baseUrl() + "/slack/events", "application/json", json, now - 360));
        Response forged = server.send(new SlackSigner("guess").signed(server.baseUrl() + "/slack/events", "application/json", json));
        Response altered = server.send(SlackSigner.unsigned(server.baseUrl() + "/slack/events", "application/json",
                        json.replace("go or rust", "go or java"))
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", signer.signature(now, json)));

        assertEquals(List.of(401, 401, 401, 401), List.of(unsigned.status(), stale.status(), forged.status(), altered.status()));
        assertEquals("stale_timestamp", stale.json().path("error").path("code").asText());
        assertEquals("invalid_signature", forged.json().path("error").path("code").asText());
        assertEquals("invalid_signature", altered.json().path("error").path("code").asText());
        assertFalse(FakeSlack.await(Duration.ofSeconds(1), () -> !postsTo(channel).isEmpty()), () -> "answered: " + postsTo(channel));
    }

    @Test
    void should_use_the_thread_as_a_valid_session_id() {
        String id = SlackBot.sessionId("C0123ABC", "1700000000.000100");
        assertEquals("slack-C0123ABC-1700000000_000100", id);
        assertTrue(dev.stackadvisor.chat.ChatService.SESSION_ID.matcher(SlackBot.sessionId("x".repeat(300), "1.2")).matches());
        assertTrue(dev.stackadvisor.chat.ChatService.SESSION_ID.matcher(SlackBot.sessionId("C/../é", "1.2")).matches());
    }
}
