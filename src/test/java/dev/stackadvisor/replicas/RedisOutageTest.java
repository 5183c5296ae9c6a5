package dev.stackadvisor.replicas;

import static dev.stackadvisor.testing.AnswerAssertions.frameworks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.FakeSlack;
import dev.stackadvisor.testing.RedisServer;
import dev.stackadvisor.testing.Replicas;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redis going away under two replicas: killed (connections drop) or hung (SIGSTOP: connections stay, nothing
 * answers). Answers go on, none a 5xx, none waiting longer than the Redis timeout + 1 s; {@code /health} says
 * {@code redis: down} and {@code advisor_redis_fallbacks_total} counts the fallbacks; once Redis is back the
 * replicas use it again (a conversation moves from A to B again).
 */
@Timeout(180)
@EndToEnd
class RedisOutageTest {

    /** How long each outage lasts: several of the breaker's probes (one a second) meet the dead Redis. */
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    private static RedisServer redis;
    private static TestServer a;
    private static TestServer b;
    private static Duration bound;

    @BeforeAll
    static void start() {
        redis = RedisServer.startOrSkip();
        a = TestServer.start(Replicas.config(AppConfig.Retrieval.HYBRID, redis, Map.of()));
        b = TestServer.start(Replicas.config(AppConfig.Retrieval.HYBRID, redis, Map.of()));
        // the bound: the Redis timeout (REDIS_TIMEOUT_MS, default 500) + 1 s
        bound = Duration.ofMillis(a.services().redis().orElseThrow().timeout().toMillis() + 1000);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void should_keep_answering_while_redis_is_down_and_use_it_again_once_it_is_back() {
        // given a conversation about Laravel on A
        String session = "outage-" + UUID.randomUUID();
        assertTrue(frameworks(chat(a, "whats laravel best at", session)).contains("Laravel"));
        double fallbacksBefore = fallbacks(a);

        // when Redis is killed mid-conversation
        redis.stop();
        try {
            // then both replicas say so and keep answering in time; A still has the conversation in its own memory
            assertEquals("down", health(a));
            assertEquals("down", health(b));
            assertEquals(List.of("Laravel"), frameworks(chat(a, "and its limitations?", session)));
            for (long end = System.nanoTime() + OUTAGE.toNanos(); System.nanoTime() < end; ) {
                assertTrue(chat(b, "fastify vs nestjs?", null).path("grounded").asBoolean(false));
                chat(a, "and its limitations?", session);
            }
            assertEquals("down", health(a));
            assertTrue(fallbacks(a) > fallbacksBefore, "advisor_redis_fallbacks_total counts the fallbacks");
        } finally {
            redis.start();
        }

        // and once Redis is back, both use it again
        assertRedisUsedAgain();
    }

    @Test
    void should_not_wait_on_a_hung_redis_longer_than_its_timeout() {
        String session = "hang-" + UUID.randomUUID();
        assertTrue(frameworks(chat(a, "whats laravel best at", session)).contains("Laravel"));

        // when Redis stops answering but keeps its connections open
        redis.pause();
        try {
            // then every answer still comes within the timeout + 1 s, and health notices
            assertEquals(List.of("Laravel"), frameworks(chat(a, "and its limitations?", session)));
            for (long end = System.nanoTime() + OUTAGE.toNanos(); System.nanoTime() < end; ) {
                chat(b, "is django good for an ecommerce site?", null);
                chat(a, "and its limitations?", session);
            }
            assertEquals("down", health(a));
        } finally {
            redis.resume();
        }
        assertRedisUsedAgain();
    }

    /** Both replicas report Redis up within a few seconds, and a conversation started on A goes on on B. */
    private static void assertRedisUsedAgain() {
        assertTrue(FakeSlack.await(Duration.ofSeconds(15), () -> "up".equals(health(a)) && "up".equals(health(b))),
                "Redis not reported up again: A " + health(a) + ", B " + health(b));
        String session = "after-" + UUID.randomUUID();
        assertTrue(frameworks(chat(a, "whats laravel best at", session)).contains("Laravel"));
        assertEquals(List.of("Laravel"), frameworks(chat(b, "and its limitations?", session)),
                "B continues A's conversation: Redis is shared again");
    }

    /** {@code POST /api/chat}, asserting 200 within the bound. */
    private static JsonNode chat(TestServer replica, String message, String session) {
        long start = System.nanoTime();
        Response r = replica.chat(message, session);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.status(), r::toString);
        assertTrue(ms <= bound.toMillis(), "answered in " + ms + " ms, over the Redis timeout + 1 s (" + bound.toMillis() + " ms)");
        return r.json();
    }

    /** The {@code redis} field of {@code /health}, which must answer 200 within the bound. */
    private static String health(TestServer replica) {
        long start = System.nanoTime();
        Response r = replica.get("/health");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.status(), r::toString);
        assertTrue(ms <= bound.toMillis(), "/health took " + ms + " ms");
        return r.json().path("redis").asText();
    }

    /** The sum of {@code advisor_redis_fallbacks_total} over its operations, from {@code /metrics}. */
    private static double fallbacks(TestServer replica) {
        return replica.get("/metrics").body().lines()
                .filter(l -> l.startsWith("advisor_redis_fallbacks_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

}
