package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.feedback.FeedbackService;
import dev.stackadvisor.feedback.FeedbackUnavailableException;
import dev.stackadvisor.feedback.RatedAnswer;
import dev.stackadvisor.feedback.Rating;
import dev.stackadvisor.feedback.Since;
import dev.stackadvisor.feedback.UnknownAnswerException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answer feedback: {@code POST /api/feedback {"answerId", "rating": "up"|"down", "comment"?}} → 201 (the same API-key
 * and rate-limit rules as {@code /api/chat}, applied by {@link AccessGuard}); 404 {@code not_found} for an answer
 * id no answer has, 400 for bad input, 503 {@code feedback_unavailable} when the database is down or not configured.
 * {@code GET /api/feedback?rating=down&since=2026-12-01&limit=50} lists recent ratings, newest first, for an admin
 * key ({@code ADVISOR_ADMIN_KEYS}). Handlers parse, call {@link FeedbackService}, respond.
 */
final class FeedbackRoutes {

    /** What an answer id may look like (ours are {@code a-} + 24 hex digits). */
    static final Pattern ANSWER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Ratings listed when the client does not say. */
    static final int DEFAULT_LIMIT = 50;

    private final RouteContext rc;
    private final AdminGuard admin;

    private FeedbackRoutes(RouteContext rc) {
        this.rc = rc;
        this.admin = new AdminGuard(rc.config());
    }

    static void register(JavalinConfig c, RouteContext rc) {
        FeedbackRoutes h = new FeedbackRoutes(rc);
        c.routes.post("/api/feedback", h::rate);
        c.routes.get("/api/feedback", h::list);
        c.routes.exception(FeedbackUnavailableException.class, (e, ctx) -> ctx.status(503)
                .json(ErrorBody.of("feedback_unavailable", e.getMessage())));
        c.routes.exception(UnknownAnswerException.class, (e, ctx) -> ctx.status(404)
                .json(ErrorBody.of("not_found", e.getMessage())));
    }

    /** A validated {@code POST /api/feedback} body. */
    record FeedbackRequest(String answerId, Rating rating, String comment) {
    }

    void rate(Context ctx) {
        byte[] body = JsonBodies.read(ctx, rc);
        JsonBodies.requireUtf8(body);
        FeedbackRequest r = parse(body);
        FeedbackService.Receipt receipt = feedback().rate(r.answerId(), r.rating(), r.comment(), "api");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feedbackId", receipt.feedbackId());
        out.put("answerId", receipt.answerId());
        out.put("rating", receipt.rating().code());
        out.put("createdAt", receipt.createdAt().toString());
        ctx.status(201).json(out);
    }

    void list(Context ctx) {
        admin.require(ctx, "listing feedback");
        Rating rating = null;
        String ratingParam = ctx.queryParam("rating");
        if (ratingParam != null && !ratingParam.isBlank()) {
            rating = Rating.of(ratingParam.strip()).orElseThrow(() -> ApiException.badRequest("rating must be 'up' or 'down'"));
        }
        Instant since;
        try {
            since = Since.parse(ctx.queryParam("since"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        int limit = limit(ctx.queryParam("limit"));
        List<Map<String, Object>> items = feedback().ratings(rating, since, limit).stream().map(FeedbackRoutes::item).toList();
        ctx.json(Map.of("feedback", items));
    }

    private FeedbackService feedback() {
        return feedback(rc);
    }

    /**
     * The feedback service of the ready services.
     *
     * @throws ApiException                 503 {@code not_ready} while the indexes load
     * @throws FeedbackUnavailableException when no database is configured
     */
    static FeedbackService feedback(RouteContext rc) {
        return rc.ready().feedback().orElseThrow(() -> new FeedbackUnavailableException(
                "no feedback database is configured: set ADVISOR_DATA_DIR (SQLite) or ADVISOR_DATABASE_URL (PostgreSQL)", null));
    }

    /** Parses and validates the body; every problem is a 400 naming the field. Unknown fields are ignored. */
    FeedbackRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : rc.json().readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object such as {\"answerId\": \"a-…\", \"rating\": \"up\"}");
        }
        JsonNode id = root.get("answerId");
        if (id == null || id.isNull()) {
            throw ApiException.badRequest("answerId is required: the answerId of the answer being rated");
        }
        if (!id.isTextual() || !ANSWER_ID.matcher(id.asText()).matches()) {
            throw ApiException.badRequest("answerId must be a string of 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        JsonNode rating = root.get("rating");
        if (rating == null || !rating.isTextual() || Rating.of(rating.asText()).isEmpty()) {
            throw ApiException.badRequest("rating must be \"up\" or \"down\"");
        }
        String comment = null;
        JsonNode c = root.get("comment");
        if (c != null && !c.isNull()) {
            if (!c.isTextual()) {
                throw ApiException.badRequest("comment must be a string");
            }
            comment = c.asText();
            if (comment.length() > FeedbackService.MAX_COMMENT_CHARS) {
                throw ApiException.badRequest("comment must be at most " + FeedbackService.MAX_COMMENT_CHARS
                        + " characters (got " + comment.length() + ")");
            }
            if (ChatRequest.mayHoldControl(comment) && ChatRequest.CONTROL.matcher(comment).find()) {
                throw ApiException.badRequest("comment must not contain control characters (other than tab and newline)");
            }
        }
        return new FeedbackRequest(id.asText(), Rating.of(rating.asText()).orElseThrow(), comment);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= FeedbackService.MAX_LIST) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + FeedbackService.MAX_LIST);
    }

    private static Map<String, Object> item(RatedAnswer r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feedbackId", r.feedbackId());
        m.put("answerId", r.answer().answerId());
        m.put("rating", r.rating().code());
        m.put("comment", r.comment());
        m.put("channel", r.channel());
        m.put("createdAt", r.createdAt().toString());
        m.put("turns", r.answer().turns());
        m.put("answer", r.answer().answer());
        m.put("frameworks", r.answer().frameworks());
        m.put("mode", r.answer().mode());
        m.put("grounded", r.answer().grounded());
        m.put("sources", r.answer().citations().stream().map(Citation::documentId).distinct().toList());
        m.put("answeredAt", r.answer().createdAt().toString());
        return m;
    }
}
