package dev.stackadvisor.chat;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations live: {@link SessionStore} in this process's memory (the default), or
 * {@link RedisConversationStore} in the Redis that replicas share. A conversation keeps at most
 * {@link SessionStore#MAX_TURNS} turns (oldest dropped) and is forgotten after {@code ADVISOR_SESSION_TTL_SECONDS}
 * without a turn. Implementations are thread-safe and never throw for an unknown session.
 */
public interface ConversationStore {

    /** The last turn of a live session, if any. */
    Optional<Turn> lastTurn(String sessionId);

    /** All turns of a live session, oldest first. */
    List<Turn> turns(String sessionId);

    /** The conversation as chat messages (user, AI, user, …), oldest first: the LLM's view of it. */
    List<ChatMessage> history(String sessionId);

    /** Appends a turn, creating the session if needed. */
    void append(String sessionId, Turn turn);

    /**
     * Starts a conversation the server has just named (so nothing is stored under it yet) with its first turn.
     * The same as {@link #append} but for a store that can skip reading what is there.
     */
    default void start(String sessionId, Turn turn) {
        append(sessionId, turn);
    }

    /** Sessions held in this process (in Redis mode: those this replica has served lately). */
    int size();
}
