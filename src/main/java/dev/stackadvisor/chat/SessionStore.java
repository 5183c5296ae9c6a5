package dev.stackadvisor.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversations in this process's memory, in a Caffeine cache bounded three ways: at most {@code maxSessions}
 * (Caffeine's size eviction, W-TinyLFU: mostly the least recently and least often used go first), forgotten after
 * {@code ttl} without use ({@code expireAfterAccess}), and at most {@link #MAX_TURNS} turns each (oldest dropped).
 * Memory is therefore bounded by maxSessions × MAX_TURNS turns. The LLM's chat memory is the same window of
 * turns read as messages (user, AI, …), so it is not stored twice. Thread-safe.
 */
public final class SessionStore implements ConversationStore {

    /** Turns kept per conversation: follow-ups only ever look one back, the rest is context for an LLM. */
    public static final int MAX_TURNS = 10;

    private final Cache<String, List<Turn>> sessions;

    /**
     * @param maxSessions at least 1
     * @param ttl         idle time after which a session is forgotten
     * @param clock       time source for the expiry (tests move it by hand)
     */
    public SessionStore(int maxSessions, Duration ttl, Clock clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.sessions = Caffeine.newBuilder()
                .maximumSize(maxSessions)
                .expireAfterAccess(ttl)
                .ticker(ticker)
                .executor(Runnable::run) // evict on the calling thread: bounds hold when a call returns
                .build();
    }

    @Override
    public Optional<Turn> lastTurn(String sessionId) {
        List<Turn> turns = sessions.getIfPresent(sessionId);
        return turns == null || turns.isEmpty() ? Optional.empty() : Optional.of(turns.get(turns.size() - 1));
    }

    @Override
    public List<Turn> turns(String sessionId) {
        List<Turn> turns = sessions.getIfPresent(sessionId);
        return turns == null ? List.of() : turns;
    }

    @Override
    public List<ChatMessage> history(String sessionId) {
        return messages(turns(sessionId));
    }

    @Override
    public void append(String sessionId, Turn turn) {
        sessions.asMap().compute(sessionId, (id, turns) -> window(turns == null ? List.of() : turns, turn));
    }

    /** Sessions currently held (expired and evicted ones are removed first). */
    @Override
    public int size() {
        sessions.cleanUp();
        return (int) sessions.estimatedSize();
    }

    /** {@code turns} plus {@code turn}, the oldest dropped beyond {@link #MAX_TURNS}; unmodifiable. */
    static List<Turn> window(List<Turn> turns, Turn turn) {
        List<Turn> next = new ArrayList<>(turns.subList(Math.max(0, turns.size() + 1 - MAX_TURNS), turns.size()));
        next.add(turn);
        return List.copyOf(next);
    }

    /** Turns as the chat messages an LLM reads: each question a user message, each answer an AI message. */
    static List<ChatMessage> messages(List<Turn> turns) {
        List<ChatMessage> messages = new ArrayList<>(2 * turns.size());
        for (Turn t : turns) {
            messages.add(UserMessage.from(t.question()));
            messages.add(AiMessage.from(t.answer()));
        }
        return List.copyOf(messages);
    }
}
