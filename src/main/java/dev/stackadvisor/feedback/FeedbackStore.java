package dev.stackadvisor.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.answer.Citation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of answers and feedback (schema: {@code db/migration}), the same statements on SQLite and PostgreSQL.
 * Lists are stored as JSON text (Jackson); times as epoch milliseconds. Each method runs in one
 * {@link Database#transaction}, committed before it returns.
 */
public final class FeedbackStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() { };
    private static final String RATED = "SELECT f.feedback_id, f.rating, f.comment, f.channel, f.created_at, a.answer_id,"
            + " a.session_id, a.created_at, a.turns, a.answer, a.citations, a.mode, a.grounded, a.frameworks,"
            + " a.retrieval_ms, a.answer_ms, a.fallback_reason FROM feedback f JOIN answers a ON a.answer_id = f.answer_id";

    private final Database db;
    private final ObjectMapper json;

    /** @param json serialises the JSON columns */
    public FeedbackStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The database behind this store. */
    public Database database() {
        return db;
    }

    /**
     * Inserts answers in one transaction; an id already stored is skipped (a retried batch).
     *
     * @throws FeedbackUnavailableException when the database cannot be reached
     */
    public void addAnswers(List<AnswerRecord> answers) {
        if (answers.isEmpty()) {
            return;
        }
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO answers (answer_id, session_id, created_at, turns,"
                    + " answer, citations, mode, grounded, frameworks, retrieval_ms, answer_ms, fallback_reason)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (answer_id) DO NOTHING")) {
                for (AnswerRecord a : answers) {
                    s.setString(1, a.answerId());
                    s.setString(2, a.sessionId());
                    s.setLong(3, a.createdAt().toEpochMilli());
                    s.setString(4, write(a.turns()));
                    s.setString(5, a.answer());
                    s.setString(6, write(a.citations()));
                    s.setString(7, a.mode());
                    s.setBoolean(8, a.grounded());
                    s.setString(9, write(a.frameworks()));
                    s.setDouble(10, a.retrievalMs());
                    s.setDouble(11, a.answerMs());
                    s.setString(12, a.fallbackReason());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /**
     * Stores a rating of {@code answerId}.
     *
     * @return false (nothing stored) when no answer has that id
     * @throws FeedbackUnavailableException when the database cannot be reached
     */
    public boolean addFeedback(String feedbackId, String answerId, Rating rating, String comment, String channel, Instant at) {
        return db.transaction(c -> {
            if (!exists(c, answerId)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO feedback (feedback_id, answer_id, rating, comment,"
                    + " channel, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, feedbackId);
                s.setString(2, answerId);
                s.setString(3, rating.code());
                if (comment == null) {
                    s.setNull(4, Types.VARCHAR);
                } else {
                    s.setString(4, comment);
                }
                s.setString(5, channel);
                s.setLong(6, at.toEpochMilli());
                s.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Ratings given at or after {@code since}, newest first, at most {@code limit}.
     *
     * @param rating only this rating, or null for both
     * @throws FeedbackUnavailableException when the database cannot be reached
     */
    public List<RatedAnswer> ratings(Rating rating, Instant since, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(RATED + " WHERE f.created_at >= ?"
                    + (rating == null ? "" : " AND f.rating = ?") + " ORDER BY f.created_at DESC, f.feedback_id LIMIT ?")) {
                int i = 1;
                s.setLong(i++, since.toEpochMilli());
                if (rating != null) {
                    s.setString(i++, rating.code());
                }
                s.setInt(i, limit);
                List<RatedAnswer> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(rated(r));
                    }
                }
                return out;
            }
        });
    }

    private static boolean exists(Connection c, String answerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM answers WHERE answer_id = ?")) {
            s.setString(1, answerId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private RatedAnswer rated(ResultSet r) throws SQLException {
        AnswerRecord answer = new AnswerRecord(r.getString(6), r.getString(7), Instant.ofEpochMilli(r.getLong(8)),
                read(r.getString(9), STRINGS), r.getString(10), read(r.getString(11), CITATIONS), r.getString(12),
                r.getBoolean(13), read(r.getString(14), STRINGS), r.getDouble(15), r.getDouble(16), r.getString(17));
        return new RatedAnswer(r.getString(1), Rating.of(r.getString(2)).orElseThrow(), r.getString(3), r.getString(4),
                Instant.ofEpochMilli(r.getLong(5)), answer);
    }

    private String write(Object value) throws SQLException {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) throws SQLException {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
