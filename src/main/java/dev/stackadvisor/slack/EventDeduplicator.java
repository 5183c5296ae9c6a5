package dev.stackadvisor.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which events were already taken, so a delivery Slack retries (it retries up to 3 times, over
 * about 5 minutes, when we do not acknowledge within 3 seconds) is answered once. Bounded both ways: at most
 * {@code maxEntries} keys (the oldest forgotten first) and none older than {@code maxAge}. Memory is
 * O(maxEntries). Thread-safe.
 */
public final class EventDeduplicator implements EventClaims {

    /** Enough for a busy workspace's retries: Slack's last retry comes about 5 minutes after the first try. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Far beyond Slack's retry window. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    /**
     * @param maxEntries how many keys to remember at most (≥ 1)
     * @param maxAge     how long a key is remembered (> 0)
     * @param clock      the clock ages are measured with
     */
    public EventDeduplicator(int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxEntries must be ≥ 1 and maxAge > 0");
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * True the first time a key is offered (and remembers it); false while it is remembered.
     *
     * @param key an event id or other delivery identity; not null
     */
    @Override
    public synchronized boolean firstSight(String key) {
        Instant now = clock.instant();
        expire(now);
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        while (seen.size() > maxEntries) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Forgets a key, so its next delivery is taken again (used when we could not take it after all). */
    @Override
    public synchronized void forget(String key) {
        seen.remove(key);
    }

    /** Keys remembered now. */
    public synchronized int size() {
        expire(clock.instant());
        return seen.size();
    }

    /** Insertion order is age order: drop from the head while too old. */
    private void expire(Instant now) {
        Instant cutoff = now.minus(maxAge);
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isAfter(cutoff)) {
                return;
            }
            it.remove();
        }
    }
}
