package dev.stackadvisor.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.config.AppConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ratings of answers: store one, list the recent ones. Counts every stored rating in {@code advisor_feedback_total}
 * (tag {@code rating}: up, down). Knows nothing of HTTP or Slack. Thread-safe.
 */
public final class FeedbackService implements AutoCloseable {

    /** Longest comment kept, in characters. */
    public static final int MAX_COMMENT_CHARS = 2000;
    /** Most ratings one listing returns. */
    public static final int MAX_LIST = 1000;
    /**
     * How long a rating of an answer not (yet) stored waits for another replica to store it, milliseconds: a shared
     * database only. Each replica writes its answers a few milliseconds after serving them ({@link AnswerRecorder}),
     * and a user's click routed to another replica can arrive first; an unknown id costs this long before its 404.
     */
    public static final long SHARED_WAIT_MS = 2_000;
    private static final long RECHECK_MS = 100;

    private final FeedbackStore store;
    private final AnswerRecorder recorder;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param recorder the answers' writer: a rating waits for it so that an answer just given can be rated at once
     */
    public FeedbackService(FeedbackStore store, AnswerRecorder recorder, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.recorder = recorder;
        this.meters = meters;
        this.clock = clock;
        for (Rating r : Rating.values()) {
            meters.counter("advisor.feedback", "rating", r.code()); // both series from the start, at 0
        }
    }

    /**
     * The configured feedback database with its answer writer, or empty when none is configured
     * ({@code ADVISOR_DATA_DIR} empty and no {@code ADVISOR_DATABASE_URL}). Does not connect: see {@link Database#open}.
     */
    public static Optional<FeedbackService> open(AppConfig config, MeterRegistry meters) {
        return Database.open(config).map(db -> {
            FeedbackStore store = new FeedbackStore(db, new ObjectMapper());
            return new FeedbackService(store, new AnswerRecorder(store, meters), meters, Clock.systemUTC());
        });
    }

    /** Where chat turns are recorded for feedback. */
    public AnswerLog answerLog() {
        return recorder;
    }

    /** A stored rating: its id and when it was stored. */
    public record Receipt(String feedbackId, String answerId, Rating rating, Instant createdAt) {
    }

    /**
     * Stores a rating, committed (durable) before this returns.
     *
     * @param comment null or at most {@link #MAX_COMMENT_CHARS} characters (callers validate; longer is cut)
     * @param channel {@code api} or {@code slack}
     * @throws UnknownAnswerException       when no answer has {@code answerId} (on PostgreSQL: after waiting
     *                                      {@link #SHARED_WAIT_MS} for another replica to store it)
     * @throws FeedbackUnavailableException when the database cannot be reached
     */
    public Receipt rate(String answerId, Rating rating, String comment, String channel) {
        recorder.flush(); // the answer may still be in the writer's queue
        String text = comment == null || comment.isBlank() ? null
                : comment.strip().substring(0, Math.min(comment.strip().length(), MAX_COMMENT_CHARS));
        Receipt receipt = new Receipt(newId(), answerId, rating, clock.instant());
        long deadline = System.nanoTime() + (store.database().kind() == Database.Kind.POSTGRESQL
                ? TimeUnit.MILLISECONDS.toNanos(SHARED_WAIT_MS) : 0);
        while (!store.addFeedback(receipt.feedbackId(), answerId, rating, text, channel, receipt.createdAt())) {
            if (System.nanoTime() >= deadline) {
                throw new UnknownAnswerException(answerId);
            }
            try {
                Thread.sleep(RECHECK_MS); // another replica may be about to store it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownAnswerException(answerId);
            }
        }
        meters.counter("advisor.feedback", "rating", rating.code()).increment();
        return receipt;
    }

    /**
     * Ratings at or after {@code since}, newest first.
     *
     * @param rating null for both
     * @param limit  1..{@link #MAX_LIST}
     * @throws FeedbackUnavailableException when the database cannot be reached
     */
    public List<RatedAnswer> ratings(Rating rating, Instant since, int limit) {
        return store.ratings(rating, since, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /**
     * Every rating at or after {@code since}, newest first (for the export: no cap).
     *
     * @param rating null for both
     * @throws FeedbackUnavailableException when the database cannot be reached
     */
    public List<RatedAnswer> allRatings(Rating rating, Instant since) {
        return store.ratings(rating, since, Integer.MAX_VALUE);
    }

    /** {@code up} when the database answers now, else {@code down}. */
    public String state() {
        return store.database().check() ? "up" : "down";
    }

    /** Which database holds the feedback. */
    public Database.Kind kind() {
        return store.database().kind();
    }

    /** Writes the queued answers and closes the pool. */
    @Override
    public void close() {
        recorder.close();
        store.database().close();
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "f-" + HexFormat.of().formatHex(bytes);
    }
}
