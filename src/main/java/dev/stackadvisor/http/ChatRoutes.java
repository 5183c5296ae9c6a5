package dev.stackadvisor.http;

import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.index.OverloadedException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core API: {@code POST /api/chat}, {@code POST /api/chat/stream} (server-sent events), {@code GET /health},
 * {@code GET /ready}, {@code GET /api/sources}, {@code GET /api/frameworks}, {@code GET /api/frameworks/{name}}.
 * Handlers parse, call the chat layer, respond.
 */
final class ChatRoutes {

    private static final Logger log = LoggerFactory.getLogger(ChatRoutes.class);

    private final RouteContext rc;

    private ChatRoutes(RouteContext rc) {
        this.rc = rc;
    }

    static void register(JavalinConfig c, RouteContext rc) {
        ChatRoutes h = new ChatRoutes(rc);
        c.routes.post("/api/chat", h::chat);
        c.routes.post("/api/chat/stream", h::stream);
        c.routes.get("/health", h::health);
        c.routes.get("/ready", h::ready);
        c.routes.get("/api/sources", h::sources);
        c.routes.get("/api/frameworks", h::frameworks);
        c.routes.get("/api/frameworks/{name}", h::framework);
    }

    void chat(Context ctx) {
        ChatRequest request = JsonBodies.chatRequest(ctx, rc);
        Services s = rc.ready();
        ChatReply reply = s.chat().chat(request.message(), request.sessionId(),
                request.topK() == null ? ChatService.DEFAULT_TOP_K : request.topK());
        ctx.json(ChatResponse.of(reply));
    }

    /**
     * The same turn as server-sent events: {@code meta}, {@code citations}, {@code token}…, {@code done} (the
     * body {@code /api/chat} would return), or {@code error}. Input errors are plain 4xx JSON, before the stream
     * starts.
     */
    void stream(Context ctx) throws IOException {
        ChatRequest request = JsonBodies.chatRequest(ctx, rc);
        Services s = rc.ready();
        SseWriter sse = new SseWriter(ctx, rc.json());
        try {
            s.chat().stream(request.message(), request.sessionId(),
                    request.topK() == null ? ChatService.DEFAULT_TOP_K : request.topK(), sse);
        } catch (OverloadedException e) {
            sse.error("overloaded", e.getMessage());
        } catch (RuntimeException e) {
            log.error("stream failed", e);
            sse.error("internal_error", "the answer could not be completed; it has been logged");
        }
    }

    void health(Context ctx) {
        Services s = rc.services().get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("ready", s != null);
        body.put("mode", rc.config().llmEnabled() ? "llm" : "extractive");
        body.put("retrieval", rc.config().retrieval().name().toLowerCase(Locale.ROOT));
        // conversations, Slack claims, rate limits: "up" shared in Redis, "down" each replica on its own meanwhile
        body.put("redis", rc.redis().map(r -> r.check() ? "up" : "down").orElse("off"));
        if (s != null) {
            body.put("documents", s.startup().documents());
            body.put("passages", s.startup().passages());
            body.put("frameworks", s.startup().frameworks());
            body.put("embeddingCache", s.startup().embeddingCache());
            body.put("embeddedPassages", s.startup().embeddedPassages());
            body.put("sentences", s.startup().sentences());
            body.put("embeddedSentences", s.startup().embeddedSentences());
            body.put("startupMs", s.startup().loadMs());
            body.put("sessions", s.chat().sessionCount());
            // per file: passages, frameworks tagged and warnings (skipped, title guessed…), as start-up logged them
            body.put("corpus", s.startup().documentReports());
            body.put("corpusWarnings", s.startup().corpusWarnings());
            s.chat().llm().ifPresent(llm -> body.put("llm", Map.of("provider", rc.config().llmProvider(),
                    "model", llm.modelName(), "breaker", llm.breakerState(), "available", llm.available())));
        }
        ctx.json(body);
    }

    void ready(Context ctx) {
        rc.ready();
        ctx.json(Map.of("ready", true));
    }

    void sources(Context ctx) {
        ctx.json(Map.of("sources", rc.ready().catalog().sources()));
    }

    void frameworks(Context ctx) {
        ctx.json(Map.of("frameworks", rc.ready().catalog().frameworks()));
    }

    void framework(Context ctx) {
        String name = ctx.pathParam("name");
        Catalog.FrameworkProfile profile;
        try {
            profile = rc.ready().catalog().profile(name).orElseThrow(() -> new ApiException(404, "not_found",
                    "unknown framework '" + name + "'; GET /api/frameworks lists the ones the sources cover"));
        } catch (Catalog.NotCoveredException e) {
            throw new ApiException(404, "not_covered", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("framework", profile.framework());
        body.put("answer", profile.answer().text());
        body.put("citations", profile.answer().citations());
        ctx.json(body);
    }
}
