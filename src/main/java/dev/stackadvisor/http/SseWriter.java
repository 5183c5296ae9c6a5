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
import java.util.Map;

/**
 * Writes a streamed turn as server-sent events ({@code text/event-stream}): each event a name and one line of
 * JSON, flushed at once. A write that fails means the client has gone: {@link #cancelled()} turns true and
 * generation stops.
 */
final class SseWriter implements StreamSink {

    private final ObjectMapper json;
    private final OutputStream out;
    private volatile boolean gone;

    SseWriter(Context ctx, ObjectMapper json) throws IOException {
        this.json = json;
        this.out = open(ctx);
    }

    /**
     * Starts a {@code text/event-stream} response (200, no caching, no proxy buffering) and returns its body.
     *
     * @throws IOException when the response cannot be opened
     */
    static OutputStream open(Context ctx) throws IOException {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        return ctx.res().getOutputStream();
    }

    @Override
    public void meta(String sessionId, List<String> frameworks, AnswerMode mode) {
        send("meta", Map.of("sessionId", sessionId, "frameworks", frameworks, "mode", mode.code()));
    }

    @Override
    public void citations(List<Citation> citations) {
        send("citations", Map.of("citations", citations));
    }

    @Override
    public void token(String text) {
        send("token", Map.of("text", text));
    }

    @Override
    public void done(ChatReply reply) {
        send("done", ChatResponse.of(reply));
    }

    /** A failure after the stream started: the last event. */
    void error(String code, String message) {
        send("error", ErrorBody.of(code, message));
    }

    @Override
    public boolean cancelled() {
        return gone;
    }

    private synchronized void send(String event, Object data) {
        if (gone) {
            return;
        }
        try {
            String line = "event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n";
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event, e);
        } catch (IOException e) {
            gone = true; // the client closed the connection
        }
    }
}
