package dev.stackadvisor.http;

import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.slack.SlackBot;
import dev.stackadvisor.slack.SlackEvent;
import dev.stackadvisor.slack.SlackException;
import dev.stackadvisor.slack.SlashCommand;
import dev.stackadvisor.slack.SlackInteraction;
import dev.stackadvisor.feedback.Rating;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Slack channel: {@code POST /slack/commands} (slash commands, form-encoded), {@code POST /slack/events}
 * (Events API, JSON) and {@code POST /slack/interactions} (button clicks: answer feedback). Every request is signature-checked on its raw body before anything else is read; errors
 * are {@code {"error": {"code", "message"}}} with 401 (signature), 400, 415, or 503 (Slack not configured, still
 * starting, or busy). The work is {@link SlackBot}'s; handlers parse, call, respond.
 */
final class SlackRoutes {

    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final String RETRY_HEADER = "X-Slack-Retry-Num";

    private final RouteContext rc;
    private final SlackBot bot;

    private SlackRoutes(RouteContext rc, SlackBot bot) {
        this.rc = rc;
        this.bot = bot;
    }

    static void register(JavalinConfig c, RouteContext rc) {
        AppConfig config = rc.config();
        SlackBot bot = config.slackSigningSecret().isBlank() ? null
                : SlackBot.create(config.slackSigningSecret(), config.slackBotToken(), config.slackApiBaseUrl(), rc.json(),
                        () -> rc.ready().chat(), () -> sourceUrls(rc.ready().catalog()), rc.redis());
        SlackRoutes h = new SlackRoutes(rc, bot);
        c.routes.post("/slack/commands", h::command);
        c.routes.post("/slack/events", h::events);
        c.routes.post("/slack/interactions", h::interactions);
        c.routes.exception(SlackException.class,
                (e, ctx) -> ctx.status(status(e.kind())).json(ErrorBody.of(e.code(), e.getMessage())));
        if (bot != null) {
            c.events.serverStopped(bot::close);
        }
    }

    void command(Context ctx) {
        SlackBot b = configured();
        byte[] body = signedBody(ctx, b);
        requireType(ctx, "application/x-www-form-urlencoded");
        ctx.json(b.command(SlashCommand.parse(body)));
    }

    void events(Context ctx) {
        SlackBot b = configured();
        byte[] body = signedBody(ctx, b);
        requireType(ctx, "application/json");
        ctx.json(b.event(SlackEvent.parse(body, rc.json()), ctx.header(RETRY_HEADER)));
    }

    /**
     * A click on an answer's 👍 / 👎 ({@code block_actions}, form-encoded {@code payload=}): each feedback button
     * clicked is stored as a rating from the {@code slack} channel, and the user is thanked privately; other
     * interactions are acknowledged and ignored.
     * An unknown answer is a 404, a database that is down a 503 {@code feedback_unavailable} (see FeedbackRoutes).
     */
    void interactions(Context ctx) {
        SlackBot b = configured();
        byte[] body = signedBody(ctx, b);
        requireType(ctx, "application/x-www-form-urlencoded");
        SlackInteraction interaction = SlackInteraction.parse(body, rc.json());
        for (SlackInteraction.Vote v : interaction.votes()) {
            FeedbackRoutes.feedback(rc).rate(v.answerId(), v.helpful() ? Rating.UP : Rating.DOWN, null, "slack");
        }
        if (!interaction.votes().isEmpty()) {
            b.thank(interaction.responseUrl(), interaction.votes().get(interaction.votes().size() - 1).helpful());
        }
        ctx.json(Map.of("ok", true));
    }

    private SlackBot configured() {
        if (bot == null) {
            throw new SlackException(SlackException.Kind.NOT_CONFIGURED, "slack_not_configured",
                    "Slack is not configured: set SLACK_SIGNING_SECRET (and SLACK_BOT_TOKEN to answer mentions and "
                            + "direct messages)");
        }
        return bot;
    }

    /** The raw body, within the size limit, after its signature is checked. */
    private byte[] signedBody(Context ctx, SlackBot b) {
        int max = rc.config().maxBodyBytes();
        if (ctx.contentLength() > max) {
            throw new ApiException(413, "payload_too_large", "request body must be at most " + max + " bytes");
        }
        byte[] body = ctx.bodyAsBytes();
        b.verify(ctx.header(TIMESTAMP_HEADER), ctx.header(SIGNATURE_HEADER), body);
        return body;
    }

    private static void requireType(Context ctx, String expected) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(expected)) {
            throw new SlackException(SlackException.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Content-Type must be " + expected + " (got " + (type == null ? "none" : type) + ")");
        }
    }

    private static Map<String, String> sourceUrls(Catalog catalog) {
        Map<String, String> urls = new HashMap<>();
        for (Catalog.Source s : catalog.sources()) {
            if (s.url() != null && !s.url().isBlank()) {
                urls.put(s.documentId(), s.url());
            }
        }
        return urls;
    }

    private static int status(SlackException.Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> 401;
            case BAD_REQUEST -> 400;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case NOT_CONFIGURED, BUSY -> 503;
        };
    }
}
