package dev.stackadvisor.chat;

import dev.stackadvisor.config.AppConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis that replicas share ({@code REDIS_URL}), through one Lettuce connection (thread-safe, multiplexed;
 * keys are strings, values bytes), guarded so that a Redis that is down or slow never fails or stalls a request:
 * <ul>
 *   <li>connect and command timeouts are {@code REDIS_TIMEOUT_MS}; while the connection is down commands are
 *       rejected at once instead of queued, and Lettuce reconnects in the background (every 100 ms doubling to
 *       at most {@link #MAX_RECONNECT_DELAY});</li>
 *   <li>a circuit breaker (resilience4j) opens on a failed call and then lets no call through for
 *       {@link #RETRY_AFTER}, then one probe: so a request waits for a dead or hung Redis at most about one
 *       timeout, and the next requests not at all;</li>
 *   <li>{@link #call} runs a command or, on any failure or while the breaker is open, the caller's fallback (this
 *       process's memory), counting it in {@code advisor_redis_fallbacks_total{operation}}.</li>
 * </ul>
 * When Redis is reachable again the probe succeeds and it is used again. If Redis is down at start-up the
 * connection is made by the first probe that finds it up. Thread-safe.
 */
public final class SharedRedis implements AutoCloseable {

    /** How long the breaker keeps Redis out of the request path after a failure before one probe is let through. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Longest pause between Lettuce's reconnection attempts: bounds how long a restarted Redis goes unused. */
    public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** Prefix of every key this service writes, so it can share a Redis database with others. */
    public static final String KEY_PREFIX = "advisor:";

    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final ClientResources resources;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final Duration timeout;
    private final String where;
    private volatile StatefulRedisConnection<String, byte[]> connection;

    private SharedRedis(RedisURI uri, Duration timeout, MeterRegistry meters) {
        this.timeout = timeout;
        this.meters = meters;
        this.where = uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        uri.setTimeout(timeout);
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.breaker = CircuitBreaker.of("redis", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100f)
                .waitDurationInOpenState(RETRY_AFTER)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(Exception.class)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> { // once per outage, not once per failed probe
            if (e.getStateTransition() == CircuitBreaker.StateTransition.CLOSED_TO_OPEN) {
                log.warn("Redis at {} unreachable or slow: using this process's memory, probing every {} ms", where,
                        RETRY_AFTER.toMillis());
            } else if (e.getStateTransition() == CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED) {
                log.info("Redis at {} in use again", where);
            }
        });
        Gauge.builder("advisor.redis.up", this, r -> r.up() ? 1 : 0)
                .description("1 while Redis is in use, 0 while this process's memory stands in for it").register(meters);
    }

    /**
     * The shared Redis when {@code REDIS_URL} is set, else empty. Tries to connect once (bounded by the timeout);
     * a Redis that is down does not stop start-up.
     *
     * @throws IllegalStateException when {@code REDIS_URL} cannot be parsed
     */
    public static Optional<SharedRedis> create(AppConfig config, MeterRegistry meters) {
        if (!config.redisEnabled()) {
            return Optional.empty();
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(config.redisUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("REDIS_URL cannot be read: " + e.getMessage(), e);
        }
        SharedRedis redis = new SharedRedis(uri, Duration.ofMillis(config.redisTimeoutMs()), meters);
        if (redis.ping()) {
            log.info("Redis at {}: conversations, Slack claims and rate limits are shared", redis.where);
        }
        return Optional.of(redis);
    }

    /**
     * Runs {@code command} on the shared connection, or {@code fallback} when Redis is down, slow (over the timeout)
     * or failing, or while the breaker keeps it out after a failure. Fallbacks are counted by {@code operation}.
     *
     * @param operation what is being done, a metric tag: {@code session_read}, {@code slack_claim}, …
     */
    public <T> T call(String operation, Function<StatefulRedisConnection<String, byte[]>, T> command, Supplier<T> fallback) {
        try {
            return breaker.executeSupplier(() -> command.apply(connection()));
        } catch (RuntimeException e) {
            Counter.builder("advisor.redis.fallbacks").tag("operation", operation)
                    .description("Redis operations served from this process's memory instead (Redis down, slow or failing)")
                    .register(meters).increment();
            log.debug("Redis {} failed ({}): using this process's memory", operation, e.toString());
            return fallback.get();
        }
    }

    /** Whether Redis is in use now: connected and the last call went well (no I/O). */
    public boolean up() {
        StatefulRedisConnection<String, byte[]> c = connection;
        return c != null && c.isOpen() && breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    /**
     * Whether Redis answers a PING now, through the breaker: while it keeps Redis out this is false at once,
     * otherwise it waits at most the timeout. For {@code /health}, which so also notices a Redis that died (before
     * a request does) or came back (while no request needed it).
     */
    public boolean check() {
        return ping();
    }

    /**
     * Sends PING through the breaker (so it also probes a Redis that was down); not counted as a fallback.
     *
     * @return whether Redis answered within the timeout
     */
    public boolean ping() {
        try {
            return "PONG".equals(breaker.executeSupplier(() -> connection().sync().ping()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The connect and command timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** Closes the connection and the client's threads. */
    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, timeout);
        resources.shutdown();
    }

    /** The connection, made on first use; once made, Lettuce keeps reconnecting it. */
    private StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c == null) {
            synchronized (this) {
                c = connection;
                if (c == null) {
                    c = client.connect(CODEC);
                    connection = c;
                }
            }
        }
        return c;
    }
}
