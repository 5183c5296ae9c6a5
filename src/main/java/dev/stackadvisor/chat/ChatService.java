package dev.stackadvisor.chat;

import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.ExtractiveComposer;
import dev.stackadvisor.retrieval.AnalyzedQuery;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.PreviousTurn;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One turn of a conversation: read the question against the previous turn, retrieve, answer, remember.
 * Knows nothing of HTTP. Thread-safe.
 */
public final class ChatService {

    /** Longest question accepted, in characters. */
    public static final int MAX_MESSAGE_CHARS = 4000;
    /** What a session id may look like: 1–128 of {@code [A-Za-z0-9_-]}. */
    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final QueryAnalyzer analyzer;
    private final HybridRetriever retriever;
    private final ExtractiveComposer composer;
    private final SessionStore sessions;
    private final SecureRandom random = new SecureRandom();

    public ChatService(QueryAnalyzer analyzer, HybridRetriever retriever, ExtractiveComposer composer, SessionStore sessions) {
        this.analyzer = analyzer;
        this.retriever = retriever;
        this.composer = composer;
        this.sessions = sessions;
    }

    /**
     * Answers {@code message} within the conversation {@code sessionId}.
     *
     * @param sessionId an existing or client-chosen id matching {@link #SESSION_ID}, or null for a new one
     * @throws IllegalArgumentException when the message is blank or too long or the session id malformed
     *                                  (the HTTP layer validates first and reports these as 400)
     */
    public ChatReply chat(String message, String sessionId) {
        return chat(message, sessionId, HybridRetriever.GENERAL_TOP);
    }

    /**
     * As {@link #chat(String, String)}, drawing concept and scenario answers from the best {@code topK}
     * fused passages (1–30).
     */
    public ChatReply chat(String message, String sessionId, int topK) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be empty");
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw new IllegalArgumentException("message must be at most " + MAX_MESSAGE_CHARS + " characters");
        }
        if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("sessionId must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        String id = sessionId != null ? sessionId : newSessionId();
        long t0 = System.nanoTime();
        Optional<Turn> last = sessions.lastTurn(id);
        PreviousTurn previous = last.map(t -> new PreviousTurn(t.question(), t.frameworks())).orElse(null);
        AnalyzedQuery query = analyzer.analyze(message, previous);
        Evidence evidence = retriever.retrieve(query, topK);
        long t1 = System.nanoTime();
        Answer answer = composer.compose(evidence);
        long t2 = System.nanoTime();
        // A follow-up that resolved to no framework keeps pointing at what the conversation was about.
        List<String> about = answer.frameworks().isEmpty() && previous != null && query.followUp()
                ? previous.frameworks() : answer.frameworks();
        sessions.append(id, new Turn(query.followUp() ? query.retrievalText() : message, about, answer.text()));
        return new ChatReply(id, answer, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    /** Sessions currently remembered. */
    public int sessionCount() {
        return sessions.size();
    }

    private String newSessionId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "s-" + HexFormat.of().formatHex(bytes);
    }
}
