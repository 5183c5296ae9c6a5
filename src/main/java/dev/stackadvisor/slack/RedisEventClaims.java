package dev.stackadvisor.slack;

import dev.stackadvisor.chat.SharedRedis;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Slack delivery claims in the Redis that replicas share: {@code SET advisor:slack:<key> 1 NX EX <maxAge>}, so of
 * the replicas a delivery and its retries reach, exactly one answers. While Redis is unavailable
 * ({@link SharedRedis#call}) claims fall back to {@code local}: each replica then answers a delivery at most once.
 * Thread-safe.
 */
public final class RedisEventClaims implements EventClaims {

    private static final byte[] TAKEN = "1".getBytes(StandardCharsets.US_ASCII);

    private final SharedRedis redis;
    private final EventClaims local;
    private final long maxAgeSeconds;

    /**
     * @param local  this process's claims, used while Redis is unavailable
     * @param maxAge how long a claim is kept: well beyond Slack's retries (about 5 minutes)
     */
    public RedisEventClaims(SharedRedis redis, EventClaims local, Duration maxAge) {
        this.redis = redis;
        this.local = local;
        this.maxAgeSeconds = Math.max(1, maxAge.toSeconds());
    }

    @Override
    public boolean firstSight(String key) {
        return redis.call("slack_claim", c -> "OK".equals(c.sync().set(key(key), TAKEN, SetArgs.Builder.nx().ex(maxAgeSeconds))),
                () -> local.firstSight(key));
    }

    @Override
    public void forget(String key) {
        local.forget(key);
        redis.call("slack_claim", c -> c.sync().del(key(key)), () -> 0L);
    }

    static String key(String key) {
        return SharedRedis.KEY_PREFIX + "slack:" + key;
    }
}
