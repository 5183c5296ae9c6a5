package dev.stackadvisor.replicas;

import static dev.stackadvisor.testing.AnswerAssertions.frameworks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.FakeOpenAi;
import dev.stackadvisor.testing.FakeSlack;
import dev.stackadvisor.testing.RedisServer;
import dev.stackadvisor.testing.Replicas;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two replicas, A and B, sharing a real Redis (as behind a load balancer): a conversation started on one goes on
 * on the other, a Slack delivery answered by one is not answered again when its retry reaches the other, and the
 * rate limit is one bucket across both.
 */
@Timeout(180)
@EndToEnd
class ReplicasTest {

    private static final String SECRET = "replicas-signing-secret";
    private static final String BOT_USER = "U0BOT";
    private static final SlackSigner signer = new SlackSigner(SECRET);

    private static RedisServer redis;
    private static FakeSlack slack;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() {
        redis = RedisServer.startOrSkip();
        slack = new FakeSlack();
        Map<String, String> slackEnv = Map.of("SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-replicas",
                "SLACK_API_BASE_URL", slack.apiBaseUrl());
        a = TestServer.start(Replicas.config(AppConfig.Retrieval.HYBRID, redis, slackEnv));
        b = TestServer.start(Replicas.config(AppConfig.Retrieval.HYBRID, redis, slackEnv));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, slack, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }


    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    @Test
    void should_continue_on_b_a_conversation_started_on_a() {
        // given a conversation about Laravel on replica A
        String session = unique("replicas-");
        Response first = a.chat("whats laravel best at", session);
        assertEquals(200, first.status(), first::toString);
        assertTrue(frameworks(first.json()).contains("Laravel"), first::toString);

        // when the follow-up lands on replica B
        Response followUp = b.chat("and its limitations?", session);

        // then B reads "its" as Laravel: the conversation lives in Redis, not in A
        assertEquals(200, followUp.status(), followUp::toString);
        assertEquals(List.of("Laravel"), frameworks(followUp.json()), followUp::toString);
        assertTrue(followUp.json().path("grounded").asBoolean(false), followUp::toString);
        assertEquals(":2", redis.command("LLEN advisor:turns:" + session), "both turns are in Redis");
        assertEquals(":1", redis.command("EXISTS advisor:memory:" + session), "so is the LLM's chat memory");
        long ttl = Long.parseLong(redis.command("TTL advisor:turns:" + session).substring(1));
        assertTrue(ttl > 3500 && ttl <= 3600, "the conversation expires after ADVISOR_SESSION_TTL_SECONDS (3600): " + ttl);
    }

    @Test
    void should_continue_on_b_a_conversation_whose_id_a_made() {
        // given a conversation opened on A without a session id: A names it (and writes it without reading first)
        Response first = a.chat("whats laravel best at");
        assertEquals(200, first.status(), first::toString);
        String session = first.json().path("sessionId").asText();

        // when the follow-up with that id lands on B, then "its" is Laravel there too, turns and memory alike
        Response followUp = b.chat("and its limitations?", session);
        assertEquals(List.of("Laravel"), frameworks(followUp.json()), followUp::toString);
        assertEquals(":2", redis.command("LLEN advisor:turns:" + session));
        assertTrue(redis.command("STRLEN advisor:memory:" + session).matches(":[1-9][0-9]*"), "the chat memory was written");
    }

    @Test
    void should_answer_a_slack_event_once_when_its_retry_reaches_the_other_replica() {
        // given a mention delivered to A and answered there
        String channel = unique("C");
        String ts = Instant.now().getEpochSecond() + ".000200";
        String body = callback(channel, ts, "<@" + BOT_USER + "> whats laravel best at");
        Response first = deliver(a, body, null);
        assertEquals(200, first.status(), first::toString);
        assertTrue(FakeSlack.await(Duration.ofSeconds(10), () -> postsTo(channel) >= 1), "A posted no answer");

        // when Slack retries the same delivery and the load balancer sends it to B
        Response retry = deliver(b, body, "1");
        assertEquals(200, retry.status(), retry::toString);

        // then B acknowledges it and posts nothing: exactly one reply reached Slack
        FakeSlack.await(Duration.ofSeconds(3), () -> postsTo(channel) > 1);
        assertEquals(1, postsTo(channel), "replies in " + channel);
    }

    @Test
    void should_answer_a_slash_command_once_when_it_reaches_both_replicas() {
        String token = unique("cmd");
        String form = SlackSigner.command("fastify vs nestjs?", "U0CAROL", slack.responseUrl(token));
        Response onA = a.send(signer.signed(a.baseUrl() + "/slack/commands", "application/x-www-form-urlencoded", form));
        Response onB = b.send(signer.signed(b.baseUrl() + "/slack/commands", "application/x-www-form-urlencoded", form));
        assertEquals(200, onA.status(), onA::toString);
        assertEquals(200, onB.status(), onB::toString);
        assertTrue(FakeSlack.await(Duration.ofSeconds(10), () -> !slack.responses(token).isEmpty()), "no answer");
        FakeSlack.await(Duration.ofSeconds(3), () -> slack.responses(token).size() > 1);
        assertEquals(1, slack.responses(token).size(), "answers to one command delivered twice");
    }

    @Test
    void should_give_the_llm_on_b_the_chat_memory_written_on_a() {
        // given two replicas answering with an LLM (a local stand-in for an OpenAI-compatible server)
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = Map.of("LLM_PROVIDER", "openai", "LLM_BASE_URL", llm.baseUrl(),
                    "LLM_API_KEY", "test-key", "LLM_MODEL", "fake-model", "LLM_TIMEOUT_MS", "5000");
            try (TestServer llmA = TestServer.start(Replicas.config(AppConfig.Retrieval.KEYWORD, redis, env));
                 TestServer llmB = TestServer.start(Replicas.config(AppConfig.Retrieval.KEYWORD, redis, env))) {
                String session = unique("llm-");
                assertEquals(200, llmA.chat("tell me about laravel", session).status());
                llm.rewrite("What are the limitations of Laravel?");

                // when the follow-up reaches B
                Response followUp = llmB.chat("and its limitations?", session);

                // then B's LLM is shown the conversation A had, read from the ChatMemoryStore in Redis
                assertEquals(200, followUp.status(), followUp::toString);
                String prompt = FakeOpenAi.userText(llm.requests().stream()
                        .filter(r -> FakeOpenAi.userText(r).contains("<message>")).findFirst().orElseThrow());
                assertTrue(prompt.contains("User: tell me about laravel"), prompt);
                assertTrue(frameworks(followUp.json()).contains("Laravel"), followUp::toString);
            }
        }
    }

    @Test
    void should_share_one_rate_limit_bucket_across_replicas() {
        // given two more replicas on the same Redis, 5 requests a minute per client (here: 127.0.0.1)
        Map<String, String> limit = Map.of("ADVISOR_RATE_LIMIT_PER_MINUTE", "5");
        try (TestServer limitedA = TestServer.start(Replicas.config(AppConfig.Retrieval.KEYWORD, redis, limit));
             TestServer limitedB = TestServer.start(Replicas.config(AppConfig.Retrieval.KEYWORD, redis, limit))) {
            // when five requests alternate between them
            for (int i = 0; i < 5; i++) {
                TestServer replica = i % 2 == 0 ? limitedA : limitedB;
                Response r = replica.chat("fastify vs nestjs?");
                assertEquals(200, r.status(), "request " + (i + 1) + ": " + r);
                assertEquals(String.valueOf(4 - i), r.headers().get("X-RateLimit-Remaining"),
                        "request " + (i + 1) + " took from the one shared bucket");
            }
            // then the sixth, on either, is refused with a Retry-After
            Response sixth = limitedB.chat("fastify vs nestjs?");
            assertEquals(429, sixth.status(), sixth::toString);
            assertEquals("rate_limited", sixth.json().path("error").path("code").asText());
            String retryAfter = sixth.headers().getOrDefault("Retry-After", "");
            assertTrue(retryAfter.matches("\\d+") && Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60,
                    "Retry-After: " + retryAfter);
            assertEquals(429, limitedA.chat("fastify vs nestjs?").status(), "A is out of tokens too");
        }
    }

    private static long postsTo(String channel) {
        return slack.postMessages(r -> channel.equals(r.body().path("channel").asText())).size();
    }

    private static Response deliver(TestServer replica, String json, String retryNum) {
        var request = signer.signed(replica.baseUrl() + "/slack/events", "application/json", json);
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return replica.send(request);
    }

    private static String callback(String channel, String ts, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_mention");
        event.put("user", "U0ALICE");
        event.put("text", text);
        event.put("ts", ts);
        event.put("channel", channel);
        event.put("event_ts", ts);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team_id", "T0001");
        body.put("api_app_id", "A0001");
        body.put("event", event);
        body.put("type", "event_callback");
        body.put("event_id", unique("Ev"));
        body.put("event_time", Instant.now().getEpochSecond());
        body.put("authorizations", List.of(Map.of("team_id", "T0001", "user_id", BOT_USER, "is_bot", true)));
        return TestServer.toJson(body);
    }
}
