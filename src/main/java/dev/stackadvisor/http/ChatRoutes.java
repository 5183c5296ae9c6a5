package dev.stackadvisor.http;

import dev.stackadvisor.answer.AnswerMode;

import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.chat.IndexSnapshot;
import dev.stackadvisor.chat.StartupReport;
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
        boolean rehearsal = RehearsalKey.marked(ctx); // the start-up warm-up's own request: before ready, apart
        Services s = rehearsal ? rc.loaded() : rc.ready();
        ChatReply reply = (rehearsal ? s.rehearsal() : s.chat()).chat(request.message(), request.sessionId(),
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
        body.put("ready", s != null && s.library().ready());
        body.put("mode", (rc.config().llmEnabled() ? AnswerMode.LLM : AnswerMode.EXTRACTIVE).code());
        body.put("retrieval", rc.config().retrieval().name().toLowerCase(Locale.ROOT));
        // conversations, Slack claims, rate limits: "up" shared in Redis, "down" each replica on its own meanwhile
        body.put("redis", rc.redis().map(r -> r.check() ? "up" : "down").orElse("off"));
        // answers and their ratings: "up", "down" (chat still answers; feedback gets 503), or "off" (no database)
        if (s != null) {
            body.put("database", s.feedback().map(f -> Map.of("kind", f.kind().name().toLowerCase(Locale.ROOT),
                    "state", f.state())).orElse(Map.of("kind", "none", "state", "off")));
        }
        if (s != null) {
            IndexSnapshot snapshot = s.library().current(); // one snapshot: the counts agree with each other
            StartupReport r = snapshot.report();
            body.put("documents", r.documents());
            body.put("passages", r.passages());
            body.put("frameworks", r.frameworks());
            body.put("embeddingCache", r.embeddingCache());
            body.put("embeddedPassages", r.embeddedPassages());
            body.put("sentences", r.sentences());
            body.put("embeddedSentences", r.embeddedSentences());
            body.put("startupMs", s.library().startupMs());
            // 1 at start-up, one more per document added or deleted; indexMs is how long that build took
            body.put("indexGeneration", snapshot.generation());
            body.put("indexMs", r.loadMs());
            body.put("warmup", s.library().warmup()); // state, questions, elapsedMs, lastBatchMs, lastBatchCpuMs…: chat.Warmup.Progress
            body.put("ingestion", rc.config().ingestionEnabled());
            body.put("sessions", s.chat().sessionCount());
            // per file: passages, frameworks tagged and warnings (skipped, title guessed…), as the build logged them
            body.put("corpus", r.documentReports());
            body.put("corpusWarnings", r.corpusWarnings());
            s.chat().llm().ifPresent(llm -> body.put("llm", Map.of("provider", rc.config().llmProvider().code(),
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
