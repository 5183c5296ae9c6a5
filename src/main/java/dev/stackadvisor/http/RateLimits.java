package dev.stackadvisor.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stackadvisor.chat.SharedRedis;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets of {@code perMinute} tokens refilled greedily over a minute, one per client key (bucket4j).
 * In this process's memory by default (buckets idle for 10 minutes are forgotten, at most 100,000 kept). With
 * Redis, one bucket per key across all replicas: bucket4j's Lettuce proxy manager ({@code advisor:rate:<key>},
 * compare-and-swap, expiring once the bucket would be full again), so N replicas together grant the limit,
 * not N times it. While Redis is unavailable ({@link SharedRedis#call}) each replica grants from its own bucket.
 * Thread-safe.
 */
final class RateLimits {

    /** How long a bucket's key outlives the time it needs to refill completely (then it is as good as new). */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final Cache<String, Bucket> local = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final BucketConfiguration configuration;
    private final Optional<SharedRedis> redis;
    private volatile Shared shared;

    /** The proxy manager over one connection (built on first use: Redis may be down at start-up). */
    private record Shared(StatefulRedisConnection<String, byte[]> connection, ProxyManager<String> buckets) {
    }

    /**
     * @param perMinute requests a minute per key, at least 1
     */
    RateLimits(int perMinute, Optional<SharedRedis> redis) {
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
        this.redis = redis;
    }

    /**
     * Takes one token from {@code key}'s bucket.
     *
     * @return whether it was taken, the tokens left and, when not, the wait until one is there
     */
    ConsumptionProbe tryConsume(String key) {
        return redis.map(r -> r.call("rate_limit",
                        c -> buckets(r, c).getProxy(SharedRedis.KEY_PREFIX + "rate:" + key, () -> configuration)
                                .tryConsumeAndReturnRemaining(1),
                        () -> consumeLocally(key)))
                .orElseGet(() -> consumeLocally(key));
    }

    private ConsumptionProbe consumeLocally(String key) {
        return local.get(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1);
    }

    private ProxyManager<String> buckets(SharedRedis r, StatefulRedisConnection<String, byte[]> connection) {
        Shared s = shared;
        if (s == null || s.connection() != connection) {
            s = new Shared(connection, Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                    .requestTimeout(r.timeout())
                    .build());
            shared = s;
        }
        return s.buckets();
    }
}
