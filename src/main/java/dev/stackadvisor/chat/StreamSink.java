package dev.stackadvisor.chat;

import dev.stackadvisor.answer.AnswerMode;
import dev.stackadvisor.answer.Citation;
import java.util.List;

/**
 * Where a streamed turn goes, in this order: {@link #meta}, {@link #citations} (before the first token),
 * {@link #token}s, {@link #done}. Implemented by the HTTP layer as server-sent events.
 */
public interface StreamSink {

    /** The turn's session, the frameworks it is about, and how it will be answered ({@code llm}/{@code extractive}). */
    void meta(String sessionId, List<String> frameworks, AnswerMode mode);

    /** The passages the answer may cite, numbered as its {@code [n]} markers will be. */
    void citations(List<Citation> citations);

    /** A text delta. */
    void token(String text);

    /** The final answer, identical to what {@code chat} returns for the same turn. */
    void done(ChatReply reply);

    /** True once the client has gone: generation stops. */
    boolean cancelled();
}
