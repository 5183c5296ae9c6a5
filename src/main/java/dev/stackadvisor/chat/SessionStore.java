package dev.stackadvisor.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations in memory, bounded three ways: at most {@code maxSessions} (least recently used dropped
 * first), forgotten after {@code ttl} without use, and at most {@link #MAX_TURNS} turns each (oldest dropped).
 * Memory is therefore bounded by maxSessions × MAX_TURNS turns. Each session also keeps its turns as a
 * langchain4j {@link ChatMemory} (a message window of the same size) for the LLM. Thread-safe.
 */
public final class SessionStore {

    /** Turns kept per conversation: follow-ups only ever look one back, the rest is context for an LLM. */
    public static final int MAX_TURNS = 10;

    private record Session(List<Turn> turns, ChatMemory memory, Instant lastUsed) {
    }

    private final int maxSessions;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param maxSessions at least 1
     * @param ttl         idle time after which a session is forgotten
     * @param clock       time source
     */
    public SessionStore(int maxSessions, Duration ttl, Clock clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        this.maxSessions = maxSessions;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The last turn of a live session, if any. */
    public synchronized Optional<Turn> lastTurn(String sessionId) {
        Session s = live(sessionId);
        return s == null || s.turns().isEmpty() ? Optional.empty() : Optional.of(s.turns().get(s.turns().size() - 1));
    }

    /** All turns of a live session, oldest first (a copy). */
    public synchronized List<Turn> turns(String sessionId) {
        Session s = live(sessionId);
        return s == null ? List.of() : List.copyOf(s.turns());
    }

    /** The conversation as chat messages (user, AI, user, …), oldest first: the LLM's view of it. */
    public synchronized List<ChatMessage> history(String sessionId) {
        Session s = live(sessionId);
        return s == null ? List.of() : List.copyOf(s.memory().messages());
    }

    /** Appends a turn, creating the session if needed and evicting beyond the bounds. */
    public synchronized void append(String sessionId, Turn turn) {
        Session s = live(sessionId);
        List<Turn> turns = s == null ? new ArrayList<>() : new ArrayList<>(s.turns());
        ChatMemory memory = s == null
                ? MessageWindowChatMemory.builder().id(sessionId).maxMessages(2 * MAX_TURNS).build()
                : s.memory();
        turns.add(turn);
        while (turns.size() > MAX_TURNS) {
            turns.remove(0);
        }
        memory.add(UserMessage.from(turn.question()));
        memory.add(AiMessage.from(turn.answer()));
        sessions.put(sessionId, new Session(turns, memory, clock.instant()));
        evict();
    }

    /** Sessions currently held (expired ones are removed first). */
    public synchronized int size() {
        evict();
        return sessions.size();
    }

    private Session live(String id) {
        Session s = sessions.get(id);
        if (s != null && expired(s)) {
            sessions.remove(id);
            return null;
        }
        return s;
    }

    private boolean expired(Session s) {
        return s.lastUsed().plus(ttl).isBefore(clock.instant());
    }

    /**
     * Drops sessions from the least recently used end while over the limit or expired. The map is in access
     * order, so the head is the least recently used (and, as every use refreshes lastUsed, the oldest): the
     * first session that stays ends the walk, making this O(1) amortised per request.
     */
    private void evict() {
        Iterator<Map.Entry<String, Session>> it = sessions.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Session> e = it.next();
            if (sessions.size() > maxSessions || expired(e.getValue())) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
