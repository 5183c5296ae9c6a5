package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The retry filter is bounded in count and in age. */
class EventDeduplicatorTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void should_take_an_event_once() {
        EventDeduplicator d = new EventDeduplicator(10, Duration.ofHours(1), new ManualClock());
        assertTrue(d.firstSight("Ev1"));
        assertFalse(d.firstSight("Ev1"));
        assertFalse(d.firstSight("Ev1"));
        assertTrue(d.firstSight("Ev2"));
    }

    @Test
    void should_forget_the_oldest_beyond_its_capacity() {
        EventDeduplicator d = new EventDeduplicator(3, Duration.ofHours(1), new ManualClock());
        for (int i = 1; i <= 5; i++) {
            assertTrue(d.firstSight("Ev" + i));
        }
        assertEquals(3, d.size());
        assertTrue(d.firstSight("Ev1"), "Ev1 should have been forgotten");
        assertFalse(d.firstSight("Ev5"));
    }

    @Test
    void should_forget_events_older_than_its_max_age() {
        ManualClock clock = new ManualClock();
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
        EventDeduplicator d = new EventDeduplicator(10, Duration.ofHours(1), new ManualClock());
        d.firstSight("Ev1");
        d.forget("Ev1");
        assertTrue(d.firstSight("Ev1"));
    }
}
