package dev.stackadvisor.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Remembers which events were already taken, so a delivery Slack retries (it retries up to 3 times, over
 * about 5 minutes, when we do not acknowledge within 3 seconds) is answered once: a Caffeine cache bounded both
 * ways, at most {@code maxEntries} keys ({@code maximumSize}: Caffeine picks which to forget) and none older
 * than {@code maxAge} ({@code expireAfterWrite}; a retry does not renew a key). Memory is O(maxEntries).
 * Thread-safe.
 */
public final class EventDeduplicator implements EventClaims {

    /** Enough for a busy workspace's retries: Slack's last retry comes about 5 minutes after the first try. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Far beyond Slack's retry window. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    private final Cache<String, Boolean> seen;

    /**
     * Ages measured with the system's monotonic clock.
     *
     * @param maxEntries how many keys to remember at most (≥ 1)
     * @param maxAge     how long a key is remembered (> 0)
     */
    public EventDeduplicator(int maxEntries, Duration maxAge) {
        this(maxEntries, maxAge, Ticker.systemTicker());
    }

    /**
     * @param maxEntries how many keys to remember at most (≥ 1)
     * @param maxAge     how long a key is remembered (> 0)
     * @param ticker     the clock ages are measured with (nanoseconds)
     * @throws IllegalArgumentException when a bound is out of range
     */
    public EventDeduplicator(int maxEntries, Duration maxAge, Ticker ticker) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxEntries must be ≥ 1 and maxAge > 0");
        }
        // Evictions run on the calling thread: no background task, and size() is exact after cleanUp().
        this.seen = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /**
     * True the first time a key is offered (and remembers it); false while it is remembered.
     *
     * @param key an event id or other delivery identity; not null
     */
    @Override
    public boolean firstSight(String key) {
        return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Forgets a key, so its next delivery is taken again (used when we could not take it after all). */
    @Override
    public void forget(String key) {
        seen.invalidate(key);
    }

    /** Keys remembered now. */
    public int size() {
        seen.cleanUp();
        return Math.toIntExact(seen.estimatedSize());
    }
}
