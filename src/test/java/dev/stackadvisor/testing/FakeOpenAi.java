package dev.stackadvisor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP server speaking the OpenAI chat-completions protocol ({@code POST /v1/chat/completions},
 * JSON or server-sent {@code chat.completion.chunk}s ending {@code data: [DONE]}), standing in for an LLM we
 * cannot run here. Its behaviour is switched per test ({@link Mode}); it records every request body.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** How the fake answers. */
    public enum Mode { OK, HANG, HTTP_500, MALFORMED, EMPTY }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger chunksWritten = new AtomicInteger();
    private volatile Mode mode = Mode.OK;
    private volatile String answer = "FastAPI fits AI services [1]. NestJS suits TypeScript teams [2].";
    private volatile String rewrite = null;
    private volatile long hangMs = 10_000;
    private volatile long chunkDelayMs = 0;
    private volatile int chunks = 0;

    public FakeOpenAi() {
        app = Javalin.create(c -> {
            c.jetty.host = "127.0.0.1";
            c.startup.showJavalinBanner = false;
            c.routes.post("/v1/chat/completions", this::completions);
        }).start(0);
    }

    /** Base URL to give the OpenAI client ({@code http://127.0.0.1:PORT/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port() + "/v1";
    }

    public FakeOpenAi mode(Mode m) {
        this.mode = m;
        return this;
    }

    /** The answer text the fake gives (streamed in word-sized chunks when asked to stream). */
    public FakeOpenAi answer(String text) {
        this.answer = text;
        return this;
    }

    /** What the fake answers to a follow-up rewriting request (recognised by its {@code <message>} tag). */
    public FakeOpenAi rewrite(String standalone) {
        this.rewrite = standalone;
        return this;
    }

    /** In {@link Mode#HANG}: how long to sit on the request before answering. */
    public FakeOpenAi hangMs(long ms) {
        this.hangMs = ms;
        return this;
    }

    /** When streaming: pause between chunks, and stream this many filler chunks after the answer. */
    public FakeOpenAi slowStream(long delayMs, int fillerChunks) {
        this.chunkDelayMs = delayMs;
        this.chunks = fillerChunks;
        return this;
    }

    /** Every request body received, oldest first. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** Requests that asked for an answer (not a rewrite). */
    public List<JsonNode> answerRequests() {
        return requests.stream().filter(r -> !userText(r).contains("<message>")).toList();
    }

    /** The text of the last user message of a request. */
    public static String userText(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                JsonNode content = messages.get(i).path("content");
                return content.isTextual() ? content.asText() : content.toString();
            }
        }
        return "";
    }

    /** The system message of a request, or "". */
    public static String systemText(JsonNode request) {
        for (JsonNode m : request.path("messages")) {
            if ("system".equals(m.path("role").asText())) {
                return m.path("content").asText();
            }
        }
        return "";
    }

    /** Stream chunks actually written to a client (a client that went away stops this count). */
    public int chunksWritten() {
        return chunksWritten.get();
    }

    private void completions(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        requests.add(body);
        String text = userText(body).contains("<message>") && rewrite != null ? rewrite : answer;
        switch (mode) {
            case HANG -> {
                try {
                    Thread.sleep(hangMs);
                } catch (InterruptedException stopping) {
                    return; // the fake is shutting down
                }
                ctx.json(completion(text));
            }
            case HTTP_500 -> ctx.status(500).json(Map.of("error", Map.of("message", "the model crashed", "type", "server_error")));
            case MALFORMED -> ctx.contentType("application/json").result("{\"id\": \"chatcmpl-1\", \"choices\": [{\"mess");
            case EMPTY -> ctx.json(completion(""));
            case OK -> {
                if (body.path("stream").asBoolean(false)) {
                    stream(ctx, text);
                } else {
                    ctx.json(completion(text));
                }
            }
        }
    }

    private static Map<String, Object> completion(String text) {
        return Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "fake",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                        "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20));
    }

    private void stream(Context ctx, String text) throws IOException, InterruptedException {
        ctx.res().setContentType("text/event-stream");
        OutputStream out = ctx.res().getOutputStream();
        String[] words = text.split("(?<= )");
        try {
            for (String w : words) {
                chunk(out, Map.of("role", "assistant", "content", w), null);
            }
            for (int i = 0; i < chunks; i++) {
                chunk(out, Map.of("content", " more"), null);
            }
            chunk(out, Map.of(), "stop");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException clientGone) {
            // the client cancelled: stop writing, as a real server would
        }
    }

    private void chunk(OutputStream out, Map<String, Object> delta, String finish) throws IOException, InterruptedException {
        if (chunkDelayMs > 0) {
            Thread.sleep(chunkDelayMs);
        }
        java.util.HashMap<String, Object> choice = new java.util.HashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finish);
        Map<String, Object> c = Map.of("id", "chatcmpl-1", "object", "chat.completion.chunk", "created", 1, "model", "fake",
                "choices", List.of(choice));
        out.write(("data: " + JSON.writeValueAsString(c) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        chunksWritten.incrementAndGet();
    }

    @Override
    public void close() {
        app.stop();
    }
}
