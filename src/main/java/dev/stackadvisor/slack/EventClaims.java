package dev.stackadvisor.slack;

/**
 * Which Slack deliveries were already taken, so that one is answered once however often Slack retries it and
 * whichever replica a retry reaches: {@link EventDeduplicator} in this process's memory, or
 * {@link RedisEventClaims} shared by replicas. Thread-safe.
 */
public interface EventClaims {

    /**
     * Claims {@code key}: true for the first caller (it answers), false while the key is remembered.
     *
     * @param key an event id or other delivery identity; not null
     */
    boolean firstSight(String key);

    /** Gives a claim up, so the next delivery is taken again (used when we could not take it after all). */
    void forget(String key);
}
