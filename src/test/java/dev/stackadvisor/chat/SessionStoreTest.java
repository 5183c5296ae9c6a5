package dev.stackadvisor.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    /** A clock the test moves by hand (java.time's own fixed clock cannot move). */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private static Turn turn(String q) {
        return new Turn(q, List.of("FastAPI"), "answer to " + q);
    }

    @Test
    void should_drop_the_least_recently_used_session_beyond_the_limit() {
        SessionStore store = new SessionStore(2, Duration.ofHours(1), new ManualClock());
        store.append("a", turn("1"));
        store.append("b", turn("2"));
        store.lastTurn("a"); // a is now more recent than b
        store.append("c", turn("3"));
        assertEquals(2, store.size());
        assertTrue(store.lastTurn("a").isPresent());
        assertTrue(store.lastTurn("b").isEmpty(), "b was least recently used");
    }

    @Test
    void should_never_hold_more_sessions_than_its_maximum() {
        SessionStore store = new SessionStore(10, Duration.ofHours(1), new ManualClock());
        for (int i = 0; i < 1000; i++) {
            store.append("s" + i, turn("q" + i));
        }
        assertEquals(10, store.size());
    }

    @Test
    void should_give_the_llm_the_turns_as_user_and_ai_messages() {
        SessionStore store = new SessionStore(10, Duration.ofHours(1), new ManualClock());
        store.append("a", turn("1"));
        store.append("a", turn("2"));
        List<ChatMessage> history = store.history("a");
        assertEquals(List.of(UserMessage.from("1"), AiMessage.from("answer to 1"), UserMessage.from("2"),
                AiMessage.from("answer to 2")), history);
        assertTrue(store.history("unknown").isEmpty());
    }

    @Test
    void should_forget_a_session_idle_longer_than_its_ttl() {
        ManualClock clock = new ManualClock();
        SessionStore store = new SessionStore(10, Duration.ofMinutes(30), clock);
        store.append("a", turn("1"));
        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.lastTurn("a").isPresent());
        clock.advance(Duration.ofMinutes(31));
        assertTrue(store.lastTurn("a").isEmpty());
        assertEquals(0, store.size());
    }

    @Test
    void should_keep_only_the_latest_turns_of_a_session() {
        SessionStore store = new SessionStore(10, Duration.ofHours(1), new ManualClock());
        for (int i = 0; i < SessionStore.MAX_TURNS + 5; i++) {
            store.append("a", turn("q" + i));
        }
        List<Turn> turns = store.turns("a");
        assertEquals(SessionStore.MAX_TURNS, turns.size());
        assertEquals("q" + (SessionStore.MAX_TURNS + 4), turns.get(turns.size() - 1).question());
        assertEquals("q5", turns.get(0).question());
    }
}
