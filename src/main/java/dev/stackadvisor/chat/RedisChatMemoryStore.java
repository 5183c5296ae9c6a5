package dev.stackadvisor.chat;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * langchain4j's {@link ChatMemoryStore} in Redis: one key per conversation,
 * {@code advisor:memory:<sessionId>}, holding the messages as langchain4j's own JSON
 * ({@link ChatMessageSerializer}), written with a TTL so an idle conversation's memory expires with its turns.
 * Failures surface as Lettuce's exceptions: {@link RedisConversationStore} runs it through
 * {@link SharedRedis#call} and falls back. Short-lived: one per operation, over the shared connection.
 */
final class RedisChatMemoryStore implements ChatMemoryStore {

    private final StatefulRedisConnection<String, byte[]> redis;
    private final long ttlSeconds;

    /**
     * @param ttlSeconds how long the memory outlives its last update
     */
    RedisChatMemoryStore(StatefulRedisConnection<String, byte[]> redis, long ttlSeconds) {
        this.redis = redis;
        this.ttlSeconds = ttlSeconds;
    }

    static String key(Object memoryId) {
        return SharedRedis.KEY_PREFIX + "memory:" + memoryId;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        byte[] json = redis.sync().get(key(memoryId));
        return json == null ? List.of() : ChatMessageDeserializer.messagesFromJson(new String(json, StandardCharsets.UTF_8));
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        byte[] json = ChatMessageSerializer.messagesToJson(messages).getBytes(StandardCharsets.UTF_8);
        redis.sync().set(key(memoryId), json, SetArgs.Builder.ex(ttlSeconds));
    }

    @Override
    public void deleteMessages(Object memoryId) {
        redis.sync().del(key(memoryId));
    }
}
