package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The retry filter is bounded in count and in age. */
class EventDeduplicatorTest {

    /** A clock the test moves by hand (Caffeine reads nanoseconds). */
    private static final class ManualTicker implements Ticker {
        private long nanos;

        void advance(Duration d) {
            nanos += d.toNanos();
        }

        @Override
        public long read() {
            return nanos;
        }
    }

    @Test
    void should_take_an_event_once() {
        EventDeduplicator d = new EventDeduplicator(10, Duration.ofHours(1), new ManualTicker());
        assertTrue(d.firstSight("Ev1"));
        assertFalse(d.firstSight("Ev1"));
        assertFalse(d.firstSight("Ev1"));
        assertTrue(d.firstSight("Ev2"));
    }

    @Test
    void should_forget_events_beyond_its_capacity() {
        // given room for 3, when 5 are taken
        EventDeduplicator d = new EventDeduplicator(3, Duration.ofHours(1), new ManualTicker());
        for (int i = 1; i <= 5; i++) {
            assertTrue(d.firstSight("Ev" + i));
        }

        // then 3 are remembered, the newest among them; Caffeine chose which 2 of the older 4 to forget
        assertEquals(3, d.size());
        assertFalse(d.firstSight("Ev5"), "the newest is remembered");
        long takenAgain = Stream.of("Ev1", "Ev2", "Ev3", "Ev4").filter(d::firstSight).count();
        assertTrue(takenAgain >= 2, "at least 2 of the older 4 were forgotten: " + takenAgain);
        assertEquals(3, d.size());
    }

    @Test
    void should_not_renew_an_event_when_its_retry_arrives() {
        ManualTicker clock = new ManualTicker();
        EventDeduplicator d = new EventDeduplicator(100, Duration.ofMinutes(10), clock);
        d.firstSight("Ev1");
        clock.advance(Duration.ofMinutes(6));
        assertFalse(d.firstSight("Ev1"), "the retry is refused");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(d.firstSight("Ev1"), "10 minutes after the first sight, not the retry, the event is forgotten");
    }

    @Test
    void should_forget_events_older_than_its_max_age() {
        ManualTicker clock = new ManualTicker();
        EventDeduplicator d = new EventDeduplicator(100, Duration.ofMinutes(10), clock);
        d.firstSight("old");
        clock.advance(Duration.ofMinutes(6));
        d.firstSight("newer");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, d.size());
        assertTrue(d.firstSight("old"), "old should have expired after 11 minutes");
        assertFalse(d.firstSight("newer"), "newer is 5 minutes old and still remembered");
    }

    @Test
    void should_take_a_forgotten_event_again() {
        EventDeduplicator d = new EventDeduplicator(10, Duration.ofHours(1), new ManualTicker());
        d.firstSight("Ev1");
        d.forget("Ev1");
        assertTrue(d.firstSight("Ev1"));
    }
}
