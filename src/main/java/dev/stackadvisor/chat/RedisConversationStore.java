package dev.stackadvisor.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversations in the Redis that replicas share, so a follow-up may land on any replica and survives restarts:
 * <ul>
 *   <li>turns: a list per conversation, {@code advisor:turns:<sessionId>}, one JSON {@link Turn} per element,
 *       trimmed to the last {@link SessionStore#MAX_TURNS} and given a TTL of {@code ADVISOR_SESSION_TTL_SECONDS}
 *       on every append;</li>
 *   <li>the LLM's chat memory: a langchain4j {@link MessageWindowChatMemory} of 2 × MAX_TURNS messages over
 *       {@link RedisChatMemoryStore}, same TTL.</li>
 * </ul>
 * Every turn is also written to {@code local} (this process's {@link SessionStore}), and whenever Redis is down,
 * slow or failing ({@link SharedRedis#call}) reads come from there: a conversation goes on, with the context this
 * replica saw, instead of failing. Redis is the source of truth whenever it answers. Thread-safe.
 */
public final class RedisConversationStore implements ConversationStore {

    private final SharedRedis redis;
    private final SessionStore local;
    private final long ttlSeconds;
    private final ObjectMapper json = JsonMapper.builder().build();

    /**
     * @param local      this process's store: written through, read when Redis is unavailable
     * @param ttlSeconds {@code ADVISOR_SESSION_TTL_SECONDS}
     */
    public RedisConversationStore(SharedRedis redis, SessionStore local, long ttlSeconds) {
        this.redis = redis;
        this.local = local;
        this.ttlSeconds = ttlSeconds;
    }

    @Override
    public Optional<Turn> lastTurn(String sessionId) {
        return redis.call("session_read", c -> {
            byte[] last = c.sync().lindex(turnsKey(sessionId), -1);
            return last == null ? Optional.<Turn>empty() : Optional.of(turn(last));
        }, () -> local.lastTurn(sessionId));
    }

    @Override
    public List<Turn> turns(String sessionId) {
        return redis.call("session_read", c -> c.sync().lrange(turnsKey(sessionId), 0, -1).stream().map(this::turn).toList(),
                () -> local.turns(sessionId));
    }

    @Override
    public List<ChatMessage> history(String sessionId) {
        return redis.call("session_read", c -> List.copyOf(memory(c, sessionId).messages()), () -> local.history(sessionId));
    }

    @Override
    public void append(String sessionId, Turn turn) {
        write(sessionId, turn, false);
    }

    /** As {@link #append}, without reading the chat memory first: a new conversation's is this exchange alone. */
    @Override
    public void start(String sessionId, Turn turn) {
        write(sessionId, turn, true);
    }

    /**
     * Pipelines the list commands (sent without waiting) and updates the chat memory behind them on the same
     * connection, so Redis has applied all of it when this returns: one round trip for a new conversation, two
     * (the memory read) for a later turn.
     */
    private void write(String sessionId, Turn turn, boolean fresh) {
        local.append(sessionId, turn);
        redis.call("session_write", c -> {
            String key = turnsKey(sessionId);
            RedisAsyncCommands<String, byte[]> async = c.async();
            RedisFuture<Long> push = async.rpush(key, bytes(turn));
            RedisFuture<String> trim = async.ltrim(key, -SessionStore.MAX_TURNS, -1);
            RedisFuture<Boolean> expire = async.expire(key, ttlSeconds);
            ChatMemory memory = memory(c, sessionId);
            List<ChatMessage> messages = new ArrayList<>(fresh ? List.of() : memory.messages());
            messages.add(UserMessage.from(turn.question()));
            messages.add(AiMessage.from(turn.answer()));
            memory.set(messages); // the window drops the oldest beyond its size
            push.toCompletableFuture().join(); // each completes or fails within the command timeout
            trim.toCompletableFuture().join();
            expire.toCompletableFuture().join();
            return null;
        }, () -> null);
    }

    /** Conversations this replica holds in its own memory (Redis is not scanned). */
    @Override
    public int size() {
        return local.size();
    }

    static String turnsKey(String sessionId) {
        return SharedRedis.KEY_PREFIX + "turns:" + sessionId;
    }

    private ChatMemory memory(StatefulRedisConnection<String, byte[]> c, String sessionId) {
        return MessageWindowChatMemory.builder().id(sessionId).maxMessages(2 * SessionStore.MAX_TURNS)
                .chatMemoryStore(new RedisChatMemoryStore(c, ttlSeconds)).build();
    }

    private byte[] bytes(Turn turn) {
        try {
            return json.writeValueAsBytes(turn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Turn turn(byte[] bytes) {
        try {
            return json.readValue(bytes, Turn.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a turn in Redis is not valid JSON", e);
        }
    }
}
