package dev.stackadvisor.http;

import dev.stackadvisor.answer.AnswerMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.chat.StreamSink;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A streamed turn as OpenAI streams a chat completion: {@code text/event-stream} of {@code data: <chunk>} lines —
 * a first chunk with the role, one chunk per text delta, the sources as a last content delta, a chunk with
 * {@code finish_reason: "stop"} and our {@code citations}, a usage chunk when the client asked for one, then
 * {@code data: [DONE]}. A failed write means the client has gone: {@link #cancelled()} turns true and
 * generation stops.
 */
final class OpenAiStreamWriter implements StreamSink {

    private final ObjectMapper json;
    private final OutputStream out;
    private final String id;
    private final long created;
    private final boolean includeUsage;
    private final int promptChars;
    private boolean started;
    private int completionChars;
    private volatile boolean gone;

    /**
     * Starts the response (status 200, event-stream headers).
     *
     * @param id           the completion id every chunk carries
     * @param created      epoch seconds every chunk carries
     * @param includeUsage whether to send the usage chunk before {@code [DONE]}
     * @param promptChars  for the usage estimate
     */
    OpenAiStreamWriter(Context ctx, ObjectMapper json, String id, long created, boolean includeUsage, int promptChars)
            throws IOException {
        this.json = json;
        this.id = id;
        this.created = created;
        this.includeUsage = includeUsage;
        this.promptChars = promptChars;
        this.out = SseWriter.open(ctx);
    }

    @Override
    public void meta(String sessionId, List<String> frameworks, AnswerMode mode) {
        start();
    }

    @Override
    public void citations(List<Citation> citations) {
        // the citations that count are the final answer's, sent with the last chunk
    }

    @Override
    public void token(String text) {
        start();
        content(text);
    }

    @Override
    public void done(ChatReply reply) {
        start();
        String sources = OpenAiCompletion.sources(reply.answer().citations());
        if (!sources.isEmpty()) {
            content(sources);
        }
        OpenAiCompletion.Delta nothing = new OpenAiCompletion.Delta(null, null);
        send(OpenAiCompletion.chunk(id, created, nothing, "stop", reply.answer().citations(), reply.answer().sections(),
                reply.answerId()));
        if (includeUsage) {
            send(OpenAiCompletion.usageChunk(id, created, OpenAiCompletion.Usage.of(promptChars, completionChars)));
        }
        write("data: [DONE]\n\n");
    }

    /** A failure after the stream started: an OpenAI-shaped error event, as OpenAI sends one, and no {@code [DONE]}. */
    void error(String message) {
        send(new OpenAiException(500, "server_error", null, "internal_error", message).body());
    }

    @Override
    public boolean cancelled() {
        return gone;
    }

    private synchronized void start() {
        if (!started) {
            started = true;
            send(OpenAiCompletion.chunk(id, created, new OpenAiCompletion.Delta("assistant", ""), null, null));
        }
    }

    private synchronized void content(String text) {
        completionChars += text.length();
        send(OpenAiCompletion.chunk(id, created, new OpenAiCompletion.Delta(null, text), null, null));
    }

    private void send(Object data) {
        try {
            write("data: " + json.writeValueAsString(data) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a chunk", e);
        }
    }

    private synchronized void write(String event) {
        if (gone) {
            return;
        }
        try {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            gone = true; // the client closed the connection
        }
    }
}
