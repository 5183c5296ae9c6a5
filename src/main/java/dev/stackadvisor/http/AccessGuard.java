package dev.stackadvisor.http;

import dev.stackadvisor.chat.SharedRedis;
import dev.stackadvisor.config.AppConfig;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * API keys and rate limits for {@code /api/*} and {@code /v1/*}.
 * <ul>
 *   <li>With {@code ADVISOR_API_KEYS} set, a request needs {@code Authorization: Bearer <key>} (one of those keys
 *       or of {@code ADVISOR_ADMIN_KEYS}); else 401 with {@code WWW-Authenticate: Bearer}. Keys are compared as SHA-256 digests with
 *       {@link MessageDigest#isEqual} (constant time, and no length leak), and never logged.</li>
 *   <li>With {@code ADVISOR_RATE_LIMIT_PER_MINUTE} above 0, each key (or, without keys, each client IP) has a
 *       bucket4j token bucket of that capacity refilled greedily over a minute ({@link RateLimits}: in memory, or
 *       in Redis shared by replicas); an empty bucket gives 429 with {@code Retry-After} in whole seconds.</li>
 * </ul>
 * On {@code /v1/*} the errors take OpenAI's shape ({@code invalid_api_key}, {@code rate_limit_exceeded}).
 * Pre-flight {@code OPTIONS} requests pass (CORS answers them); health, readiness, metrics, the widget and
 * Slack (which is signed instead) are not guarded, nor the start-up warm-up's own requests ({@link RehearsalKey}).
 */
final class AccessGuard {

    private final BearerKeys keys;
    private final int perMinute;
    private final RateLimits buckets;

    /**
     * @param redis where the rate-limit buckets live when replicas share them; empty = this process's memory
     */
    AccessGuard(AppConfig config, Optional<SharedRedis> redis) {
        // an admin key (ADVISOR_ADMIN_KEYS) is also an API key: the admin sends one key, not two
        this.keys = new BearerKeys(config.apiKeys().isEmpty() ? List.of()
                : Stream.concat(config.apiKeys().stream(), config.adminKeys().stream()).toList());
        this.perMinute = config.rateLimitPerMinute();
        this.buckets = perMinute > 0 ? new RateLimits(perMinute, redis) : null;
    }

    /** True for the paths this guard protects. */
    static boolean guarded(String path) {
        return path.startsWith("/api/") || path.startsWith("/v1/");
    }

    void before(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS || !guarded(ctx.path()) || RehearsalKey.marked(ctx)) {
            return;
        }
        String client = "ip:" + ctx.ip();
        if (!keys.isEmpty()) {
            byte[] given = BearerKeys.bearer(ctx);
            if (!keys.matches(given)) {
                ctx.header("WWW-Authenticate", "Bearer");
                String message = given == null ? "this API needs an API key: send Authorization: Bearer <key>"
                        : "the API key is not valid";
                throw openAi(ctx) ? new OpenAiException(401, OpenAiException.INVALID_REQUEST, null, "invalid_api_key", message)
                        : new ApiException(401, "unauthorized", message);
            }
            client = "key:" + HexFormat.of().formatHex(given, 0, 8);
        }
        if (perMinute > 0) {
            ConsumptionProbe probe = buckets.tryConsume(client);
            ctx.header("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                ctx.header("Retry-After", String.valueOf(seconds));
                String message = "too many requests: at most " + perMinute + " a minute; retry in " + seconds + " s";
                throw openAi(ctx) ? new OpenAiException(429, "requests", null, "rate_limit_exceeded", message)
                        : new ApiException(429, "rate_limited", message);
            }
        }
    }

    /** {@code /v1/*} speaks OpenAI's error shape, so OpenAI clients raise their usual exceptions. */
    private static boolean openAi(Context ctx) {
        return ctx.path().startsWith("/v1/");
    }
}
