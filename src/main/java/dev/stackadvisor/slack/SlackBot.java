package dev.stackadvisor.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.chat.ChatReply;
import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.SharedRedis;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stack Advisor in Slack. Slack wants an acknowledgement within 3 seconds, so each request is verified and
 * acknowledged at once and answered on a small bounded pool of workers: a slash command through its
 * {@code response_url} (Block Kit, visible in the channel), an {@code app_mention} or a direct message with
 * {@code chat.postMessage} in the message's thread. A Slack thread (channel + thread root) is one Stack Advisor
 * session, so follow-ups in a thread keep their context; a slash command's session is the user in that channel.
 * Each event is answered once however often Slack retries it, and the bot's own messages are never answered.
 * Knows nothing of HTTP servers. Thread-safe.
 */
public final class SlackBot implements AutoCloseable {

    /** Answers worked on at once: each is a retrieval plus composition (milliseconds) or an LLM call (seconds). */
    public static final int WORKERS = 4;
    /** Answers waiting for a worker; beyond, a command is told to retry and an event is refused with 503. */
    public static final int QUEUE = 64;
    /** Bound on opening a connection to Slack. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Bound on one post to Slack, from sending to the response headers. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
    private static final Pattern UNSAFE_ID = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int MAX_SESSION_ID = 128;

    private final SignatureVerifier verifier;
    private final SlackClient client;
    private final ResponseUrlPolicy responseUrls;
    private final EventClaims seen;
    private final ExecutorService workers;
    private final Supplier<ChatService> chat;
    private final Supplier<Map<String, String>> sourceUrls;

    /**
     * @param chat       the chat service, resolved per request (may throw while the server is starting: that
     *                   error reaches the caller before anything is acknowledged)
     * @param sourceUrls article URL by document id, for links; resolved per request
     */
    public SlackBot(SignatureVerifier verifier, SlackClient client, ResponseUrlPolicy responseUrls,
                    EventClaims seen, ExecutorService workers, Supplier<ChatService> chat,
                    Supplier<Map<String, String>> sourceUrls) {
        this.verifier = verifier;
        this.client = client;
        this.responseUrls = responseUrls;
        this.seen = seen;
        this.workers = workers;
        this.chat = chat;
        this.sourceUrls = sourceUrls;
    }

    /**
     * The production wiring: the system clock, {@link #WORKERS} daemon workers with a queue of {@link #QUEUE},
     * the default de-duplication bounds, claims in this process's memory.
     *
     * @param signingSecret {@code SLACK_SIGNING_SECRET}, not blank
     * @param botToken      {@code SLACK_BOT_TOKEN}, "" when unset (slash commands still work, events do not)
     * @param apiBaseUrl    {@code SLACK_API_BASE_URL}
     * @throws IllegalArgumentException when the secret is blank or the base URL is not an http(s) URL
     */
    public static SlackBot create(String signingSecret, String botToken, String apiBaseUrl, ObjectMapper json,
                                  Supplier<ChatService> chat, Supplier<Map<String, String>> sourceUrls) {
        return create(signingSecret, botToken, apiBaseUrl, json, chat, sourceUrls, Optional.empty());
    }

    /**
     * As {@link #create(String, String, String, ObjectMapper, Supplier, Supplier)}, with the deliveries claimed in
     * {@code redis} when present ({@link RedisEventClaims}), so that of several replicas one answers each.
     */
    public static SlackBot create(String signingSecret, String botToken, String apiBaseUrl, ObjectMapper json,
                                  Supplier<ChatService> chat, Supplier<Map<String, String>> sourceUrls,
                                  Optional<SharedRedis> redis) {
        Clock clock = Clock.systemUTC();
        EventClaims local = new EventDeduplicator(EventDeduplicator.DEFAULT_MAX_ENTRIES, EventDeduplicator.DEFAULT_MAX_AGE);
        EventClaims claims = redis.<EventClaims>map(r -> new RedisEventClaims(r, local, EventDeduplicator.DEFAULT_MAX_AGE))
                .orElse(local);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        return new SlackBot(new SignatureVerifier(signingSecret, clock),
                new SlackClient(apiBaseUrl, botToken, json, CONNECT_TIMEOUT, REQUEST_TIMEOUT),
                new ResponseUrlPolicy(apiBaseUrl),
                claims, pool, chat, sourceUrls);
    }

    /**
     * Checks a request's Slack signature.
     *
     * @throws SlackException {@code UNAUTHORIZED}, see {@link SignatureVerifier#verify}
     */
    public void verify(String timestamp, String signature, byte[] body) {
        verifier.verify(timestamp, signature, body);
    }

    /**
     * Takes a slash command: the immediate (ephemeral) reply, with the answer posted to the response URL later.
     * An empty question gets a usage hint, a question over {@link ChatService#MAX_MESSAGE_CHARS} says so, a full
     * queue asks the user to try again; none of these posts anything later. A command delivered again (same
     * {@code trigger_id}, say a proxy's retry reaching another replica) is acknowledged and not answered again.
     *
     * @return the body to send back at once: {@code {"response_type": "ephemeral", "text": …}}
     * @throws SlackException {@code BAD_REQUEST} {@code invalid_response_url} when the response URL is not one
     *                        {@link ResponseUrlPolicy} allows
     */
    public Map<String, Object> command(SlashCommand command) {
        if (command.text().isEmpty()) {
            return ephemeral(usage(command.command().isBlank() ? "/advisor" : command.command()));
        }
        if (command.text().length() > ChatService.MAX_MESSAGE_CHARS) {
            return ephemeral("That question is " + command.text().length() + " characters long; please keep it under "
                    + ChatService.MAX_MESSAGE_CHARS + ".");
        }
        URI responseUrl = responseUrls.allowed(command.responseUrl()).orElseThrow(() -> SlackException.badRequest(
                "invalid_response_url", "response_url must be an https://" + ResponseUrlPolicy.SLACK_HOOKS_HOST + "/ URL"));
        ChatService service = chat.get();
        Map<String, String> urls = sourceUrls.get();
        String session = sessionId("cmd", command.teamId(), command.channelId(), command.userId());
        String asked = (command.userId().isBlank() ? "Asked" : "<@" + command.userId() + "> asked")
                + ": _" + Mrkdwn.escape(Mrkdwn.clip(command.text(), 500)) + "_";
        String claim = command.triggerId().isEmpty() ? null : "command:" + command.triggerId();
        if (claim != null && !seen.firstSight(claim)) {
            log.info("Slack command {} already taken: not answered again", command.triggerId());
            return ephemeral("Looking that up… :mag:");
        }
        try {
            workers.execute(() -> answerCommand(service, urls, command.text(), session, asked, responseUrl));
        } catch (RejectedExecutionException e) {
            if (claim != null) {
                seen.forget(claim);
            }
            return ephemeral("Stack Advisor is busy right now; please try again in a minute.");
        }
        return ephemeral("Looking that up… :mag:");
    }

    /**
     * Takes an Events API request. {@code url_verification} is answered with its challenge. An
     * {@code app_mention}, or a {@code message} in a direct message ({@code channel_type} {@code im}), from a
     * person (no {@code bot_id}, no {@code subtype}, not our bot user) is acknowledged at once and answered in
     * its thread, once per {@code event_id} (and per message) however often Slack retries; any other event is
     * acknowledged and ignored.
     *
     * @param retryNum the {@code X-Slack-Retry-Num} header, or null on a first delivery (logged only: the
     *                 de-duplication does not trust it)
     * @return the body to send back: {@code {"challenge": …}} or {@code {"ok": true}}
     * @throws SlackException {@code BAD_REQUEST} for a verification without a challenge or an event without an
     *                        id; {@code NOT_CONFIGURED} when an event needs an answer but no bot token is set;
     *                        {@code BUSY} when the queue is full (Slack retries later)
     */
    public Map<String, Object> event(SlackEvent envelope, String retryNum) {
        if ("url_verification".equals(envelope.type())) {
            if (envelope.challenge() == null) {
                throw SlackException.badRequest("missing_challenge", "url_verification needs a challenge");
            }
            return Map.of("challenge", envelope.challenge());
        }
        SlackEvent.Event e = envelope.event();
        if (!"event_callback".equals(envelope.type()) || e == null || !answerable(e, envelope.botUserId())) {
            return Map.of("ok", true);
        }
        if (envelope.eventId() == null) {
            throw SlackException.badRequest("missing_event_id", "event_callback needs an event_id");
        }
        if (!client.hasBotToken()) {
            throw new SlackException(SlackException.Kind.NOT_CONFIGURED, "slack_not_configured",
                    "Slack events cannot be answered: SLACK_BOT_TOKEN is not set");
        }
        ChatService service = chat.get(); // before remembering the event: while starting, Slack's retry must be taken
        Map<String, String> urls = sourceUrls.get();
        String eventKey = "event:" + envelope.eventId();
        String messageKey = "message:" + e.channel() + ":" + e.ts();
        if (!seen.firstSight(eventKey)) {
            log.info("Slack event {} already taken (retry {}): not answered again", envelope.eventId(), retryNum);
            return Map.of("ok", true);
        }
        if (!seen.firstSight(messageKey)) {
            log.info("Slack message {} already answered under another event: {} ignored", e.ts(), envelope.eventId());
            return Map.of("ok", true);
        }
        String threadTs = e.threadTs() != null ? e.threadTs() : e.ts();
        try {
            workers.execute(() -> answerEvent(service, urls, e, threadTs));
        } catch (RejectedExecutionException busy) {
            seen.forget(eventKey);
            seen.forget(messageKey);
            throw new SlackException(SlackException.Kind.BUSY, "busy", "all answer workers are busy; retry later");
        }
        return Map.of("ok", true);
    }

    /**
     * Thanks the user for a rating with a message only they see, posted to the click's response URL on a worker;
     * nothing when the URL is not one {@link ResponseUrlPolicy} allows or every worker is busy (the rating is
     * stored either way).
     */
    public void thank(String responseUrl, boolean helpful) {
        responseUrls.allowed(responseUrl).ifPresent(url -> {
            SlackMessage thanks = BlockKit.notice(helpful ? "Thanks for the :+1:, glad it helped."
                    : "Thanks for the :-1:. It is recorded, and the team turns such ratings into test cases.");
            try {
                workers.execute(() -> {
                    try {
                        client.respond(url, thanks, false);
                    } catch (SlackApiException e) {
                        log.warn("could not thank for a rating: {}", e.getMessage());
                    }
                });
            } catch (RejectedExecutionException busy) {
                log.info("no worker free to thank for a rating; it is stored");
            }
        });
    }

    /** Stops taking answers; answers in progress may finish within a few seconds. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A session id from Slack identifiers: {@code slack-} and the parts joined with {@code -}, every character
     * outside {@code [A-Za-z0-9_-]} replaced by {@code _}, at most 128 characters (ChatService's rule).
     */
    public static String sessionId(String... parts) {
        String id = UNSAFE_ID.matcher("slack-" + String.join("-", parts)).replaceAll("_");
        return id.length() > MAX_SESSION_ID ? id.substring(0, MAX_SESSION_ID) : id;
    }

    /** A person's mention of the bot, or a person's direct message; not a bot, not an edit or other subtype. */
    static boolean answerable(SlackEvent.Event e, String botUserId) {
        boolean kind = "app_mention".equals(e.type()) || ("message".equals(e.type()) && "im".equals(e.channelType()));
        return kind && e.subtype() == null && e.botId() == null && e.user() != null && !e.user().equals(botUserId)
                && e.channel() != null && e.ts() != null;
    }

    private void answerCommand(ChatService service, Map<String, String> urls, String question, String session,
                               String asked, URI responseUrl) {
        try {
            ChatReply reply = service.chat(question, session);
            client.respond(responseUrl, BlockKit.answer(reply.answer(), urls, asked, reply.answerId()), true);
        } catch (SlackApiException e) {
            log.warn("could not post a slash command answer: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("slash command answer failed", e);
            try {
                client.respond(responseUrl, BlockKit.notice(apology()), false);
            } catch (SlackApiException again) {
                log.warn("could not post the apology either: {}", again.getMessage());
            }
        }
    }

    private void answerEvent(ChatService service, Map<String, String> urls, SlackEvent.Event e, String threadTs) {
        String question = Mrkdwn.toPlain(e.text());
        try {
            SlackMessage message;
            if (question.isEmpty()) {
                message = BlockKit.notice(usage(null));
            } else if (question.length() > ChatService.MAX_MESSAGE_CHARS) {
                message = BlockKit.notice("That question is " + question.length() + " characters long; please keep it under "
                        + ChatService.MAX_MESSAGE_CHARS + ".");
            } else {
                ChatReply reply = service.chat(question, sessionId(e.channel(), threadTs));
                message = BlockKit.answer(reply.answer(), urls, null, reply.answerId());
            }
            client.postMessage(e.channel(), threadTs, message);
        } catch (SlackApiException ex) {
            log.warn("could not post an answer to {}: {}", e.channel(), ex.getMessage());
        } catch (RuntimeException ex) {
            log.error("answer to a Slack message failed", ex);
            try {
                client.postMessage(e.channel(), threadTs, BlockKit.notice(apology()));
            } catch (RuntimeException again) {
                log.warn("could not post the apology either: {}", again.getMessage());
            }
        }
    }

    private static String usage(String command) {
        String example = command == null ? "@Stack Advisor FastAPI or NestJS for an AI agent backend?"
                : command + " FastAPI or NestJS for an AI agent backend?";
        return "Ask me which backend framework fits your case, and I'll answer from cited articles. For example: `"
                + example + "`";
    }

    private static String apology() {
        return "Sorry, I couldn't answer that just now. Please try again in a moment.";
    }

    private static Map<String, Object> ephemeral(String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "ephemeral");
        body.put("text", text);
        return body;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "slack-answer-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive
            return t;
        };
    }
}
