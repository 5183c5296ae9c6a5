package dev.stackadvisor.chat;

import dev.stackadvisor.answer.AnswerMode;

import dev.langchain4j.data.message.ChatMessage;
import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.LlmAnswerer;
import dev.stackadvisor.answer.LlmException;
import dev.stackadvisor.retrieval.AnalyzedQuery;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.FollowUpRewriter;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.PreviousTurn;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import dev.stackadvisor.retrieval.RestatingQueryTransformer;
import dev.stackadvisor.retrieval.TopK;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import com.github.benmanes.caffeine.cache.Cache;
import dev.stackadvisor.corpus.Words;
import dev.stackadvisor.feedback.AnswerLog;
import dev.stackadvisor.feedback.AnswerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of a conversation: read the question against the session's memory, retrieve, answer, remember.
 * With an LLM configured the answer is generated from the retrieved passages, and any LLM failure (down,
 * hung, erroring, garbage, breaker open) serves the extractive answer instead, saying why. When retrieval says
 * the sources cannot answer, the refusal is returned without calling the LLM. Knows nothing of HTTP.
 * Thread-safe.
 */
public final class ChatService {

    /** Longest question accepted, in characters. */
    public static final int MAX_MESSAGE_CHARS = 4000;
    /** How many fused passages concept and scenario answers draw from when the client does not say. */
    public static final int DEFAULT_TOP_K = TopK.DEFAULT;
    /** Largest topK accepted ({@link TopK#MAX}). */
    public static final int MAX_TOP_K = TopK.MAX;
    /** What a client is told when its topK is out of range. */
    public static final String TOP_K_RANGE = TopK.message();
    /** What a session id may look like: 1–128 of {@code [A-Za-z0-9_-]}. */
    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern CHUNK = Pattern.compile("(?<=\\n)|(?<=[.!?]\\s)");
    private static final Logger log = LoggerFactory.getLogger(ChatService.class);

    private final Library library;
    private final ConversationStore sessions;
    private final Cache<String, Answer> answers;
    private final MeterRegistry meters;
    private final AnswerLog answerLog;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param library  the corpus-derived services (analyzer, retriever, composer, LLM answerer): each turn reads
     *                 the current snapshot once and answers from it alone
     * @param sessions where conversations live: this process's memory or Redis
     * @param answers  first-turn extractive answers by snapshot generation and normalised question (deterministic,
     *                 so a cache changes nothing but speed; a re-index starts new keys); unused with an LLM
     * @param meters   where timings and counts go: {@code advisor.retrieval}, {@code advisor.answer} (timers),
     *                 {@code advisor.answers} (grounded, mode, fallback), {@code advisor.llm.calls} (outcome)
     */
    public ChatService(Library library, ConversationStore sessions, Cache<String, Answer> answers, MeterRegistry meters) {
        this(library, sessions, answers, meters, AnswerLog.NONE);
    }

    /**
     * As {@link #ChatService(Library, ConversationStore, Cache, MeterRegistry)}, giving every answered turn to
     * {@code answerLog} (for feedback on it).
     */
    public ChatService(Library library, ConversationStore sessions, Cache<String, Answer> answers, MeterRegistry meters,
                       AnswerLog answerLog) {
        this.library = library;
        this.sessions = sessions;
        this.answers = answers;
        this.meters = meters;
        this.answerLog = answerLog;
    }

    /** As {@link #chat(String, String, int)} with the default breadth. */
    public ChatReply chat(String message, String sessionId) {
        return chat(message, sessionId, TopK.DEFAULT);
    }

    /**
     * Answers {@code message} within the conversation {@code sessionId}.
     *
     * @param sessionId an existing or client-chosen id matching {@link #SESSION_ID}, or null for a new one
     * @param topK      how many fused passages concept and scenario answers draw from ({@link TopK})
     * @throws IllegalArgumentException when the message is blank or too long, the session id malformed or topK out
     *                                  of range (the HTTP layer validates first and reports these as 400)
     */
    public ChatReply chat(String message, String sessionId, int topK) {
        return turn(message, sessionId, topK, null);
    }

    /**
     * As {@link #chat(String, String, int)}, streamed to {@code sink}: the LLM's deltas as they come, or the
     * extractive answer sentence by sentence. {@code done} carries the same reply {@code chat} would return.
     */
    public ChatReply stream(String message, String sessionId, int topK, StreamSink sink) {
        return turn(message, sessionId, topK, sink);
    }

    /** A prior exchange as a client replays it (OpenAI-style {@code messages}): what was asked and answered. */
    public record Exchange(String question, String answer) {
    }

    /**
     * Answers {@code message} as the next turn after {@code earlier}, for clients that send the whole
     * conversation each time instead of a session id (the OpenAI-compatible API). The frameworks each earlier
     * answer was about are read from its text. The conversation lives in a fresh session, bounded and expiring
     * like any other.
     *
     * @param sink null to answer at once, else where to stream the answer
     * @throws IllegalArgumentException as {@link #chat(String, String, int)}
     */
    public ChatReply chat(List<Exchange> earlier, String message, int topK, StreamSink sink) {
        String id = newSessionId();
        IndexSnapshot snapshot = library.current();
        for (Exchange e : earlier) {
            List<String> about = snapshot.analyzer().coveredNames(e.answer() + "\n" + e.question());
            sessions.append(id, new Turn(e.question(), about, e.answer()));
        }
        return turn(snapshot, message, id, topK, sink);
    }

    /**
     * Answers {@code message} from {@code snapshot} the way a new conversation's first question is answered when its
     * answer is not cached: question analysis, retrieval (BM25 and, in hybrid mode, MiniLM; per-framework evidence;
     * the relevance gate; answer selection) and the extractive composer, with the default breadth. Nothing is
     * remembered, cached or counted (the embedding batcher's own metrics aside), the query embedding is computed by the
     * model and neither read from nor put in the query-embedding cache (as for a question never seen), and no LLM is
     * called: with one configured, the passages its prompt would number
     * are chosen and the extractive answer, its fallback, is composed. For the warm-up ({@link Warmup}).
     *
     * @param message a question, 1..{@link #MAX_MESSAGE_CHARS} characters
     */
    public static Answer rehearse(IndexSnapshot snapshot, String message) {
        AnalyzedQuery query = snapshot.analyzer().rehearse(message); // its embedding computed, never cached
        Evidence evidence = snapshot.retriever().retrieve(query, TopK.DEFAULT);
        if (snapshot.llm() != null && evidence.gate().grounded()) {
            snapshot.llm().sources(evidence);
        }
        return snapshot.composer().compose(evidence);
    }

    /** Whether {@code topK} is in the range {@link TopK} accepts. */
    public static boolean validTopK(int topK) {
        return TopK.valid(topK);
    }

    /** Sessions currently remembered. */
    public int sessionCount() {
        return sessions.size();
    }

    /** The LLM answerer, if one is configured (for health reporting). */
    public Optional<LlmAnswerer> llm() {
        return library.current().llmAnswerer();
    }

    private ChatReply turn(String message, String sessionId, int topK, StreamSink sink) {
        return turn(library.current(), message, sessionId, topK, sink);
    }

    /** One turn answered from {@code snapshot} alone, whatever re-index happens meanwhile. */
    private ChatReply turn(IndexSnapshot snapshot, String message, String sessionId, int topK, StreamSink sink) {
        QueryAnalyzer analyzer = snapshot.analyzer();
        LlmAnswerer llm = snapshot.llm();
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be empty");
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw new IllegalArgumentException("message must be at most " + MAX_MESSAGE_CHARS + " characters");
        }
        if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("sessionId must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        TopK.checked(topK);
        String id = sessionId != null ? sessionId : newSessionId();
        long t0 = System.nanoTime();
        // a session the server just named has nothing to read; only an LLM reads the history (both may be in Redis)
        List<Turn> earlier = sessionId == null ? List.of() : sessions.turns(id);
        Optional<Turn> last = earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
        List<ChatMessage> history = sessionId == null || llm == null ? List.of() : sessions.history(id);
        PreviousTurn previous = last.map(t -> new PreviousTurn(t.question(), t.frameworks())).orElse(null);
        // read once, a follow-up restated by the LLM when there is one
        AnalyzedQuery query = analyzer.transform(message, previous,
                previous == null || llm == null ? null
                        : new FollowUpRewriter(new RestatingQueryTransformer(llm::rewrite), history));
        String cacheKey = llm == null && previous == null ? snapshot.generation() + "|" + topK + "|" + Words.fold(message.strip()).toLowerCase(Locale.ROOT) : null;
        Answer answer = cacheKey == null ? null : answers.getIfPresent(cacheKey);
        long t1;
        if (answer != null) {
            t1 = System.nanoTime();
            if (sink != null) {
                sink.meta(id, answer.frameworks(), answer.mode());
            }
        } else {
            Evidence evidence = snapshot.retriever().retrieve(query, topK);
            t1 = System.nanoTime();
            meters.timer("advisor.retrieval").record(t1 - t0, TimeUnit.NANOSECONDS);
            boolean useLlm = llm != null && evidence.gate().grounded();
            if (sink != null) {
                sink.meta(id, evidence.frameworks(), useLlm && llm.available() ? AnswerMode.LLM : AnswerMode.EXTRACTIVE);
            }
            answer = useLlm ? llmAnswer(snapshot, evidence, history, sink) : snapshot.composer().compose(evidence);
            if (cacheKey != null) {
                answers.put(cacheKey, answer);
            }
        }
        if (sink != null && answer.mode() != AnswerMode.LLM) {
            sink.citations(answer.citations());
            streamText(answer.text(), sink);
        }
        long t2 = System.nanoTime();
        meters.timer("advisor.answer", "mode", answer.mode().code()).record(t2 - t1, TimeUnit.NANOSECONDS);
        meters.counter("advisor.answers", "grounded", String.valueOf(answer.grounded()), "mode", answer.mode().code(),
                "fallback", answer.fallbackReason() == null ? "none" : answer.fallbackReason()).increment();
        // A follow-up that resolved to no framework keeps pointing at what the conversation was about.
        List<String> about = answer.frameworks().isEmpty() && previous != null && query.followUp()
                ? previous.frameworks() : answer.frameworks();
        Turn turn = new Turn(query.followUp() ? query.retrievalText() : query.message(), about, answer.text());
        if (sessionId == null) {
            sessions.start(id, turn);
        } else {
            sessions.append(id, turn);
        }
        ChatReply reply = new ChatReply(id, answer, (t1 - t0) / 1e6, (t2 - t1) / 1e6, newId("a-"));
        // recorded before the client can see the id and rate it; earlier follow-ups as the session remembers them
        List<String> asked = new ArrayList<>(earlier.size() + 1);
        earlier.forEach(t -> asked.add(t.question()));
        asked.add(message);
        answerLog.record(new AnswerRecord(reply.answerId(), id, Instant.now(), asked, answer.text(),
                answer.citations(), answer.mode().code(), answer.grounded(), answer.frameworks(), reply.retrievalMs(),
                reply.answerMs(), answer.fallbackReason()));
        if (sink != null) {
            sink.done(reply);
        }
        return reply;
    }

    /** The LLM answer, or the extractive one with the reason the LLM's could not be served. */
    private Answer llmAnswer(IndexSnapshot snapshot, Evidence evidence, List<ChatMessage> history, StreamSink sink) {
        LlmAnswerer llm = snapshot.llm();
        try {
            Answer answer;
            if (sink == null) {
                answer = llm.answer(evidence, history);
            } else {
                List<LlmAnswerer.Source> sources = llm.sources(evidence);
                if (llm.available()) {
                    sink.citations(sources.stream().map(LlmAnswerer.Source::citation).toList());
                }
                answer = llm.stream(evidence, history, sources, sink::token, sink::cancelled);
            }
            meters.counter("advisor.llm.calls", "outcome", "success").increment();
            return answer;
        } catch (LlmException e) {
            meters.counter("advisor.llm.calls", "outcome", e.reason().called() ? "failure" : "skipped").increment();
            log.warn("LLM answer failed ({}): {}; serving the extractive answer", e.code(), e.getMessage());
            return snapshot.composer().compose(evidence).withFallbackReason(e.code());
        }
    }

    private static void streamText(String text, StreamSink sink) {
        for (String chunk : CHUNK.split(text)) {
            if (sink.cancelled()) {
                return;
            }
            if (!chunk.isEmpty()) {
                sink.token(chunk);
            }
        }
    }

    private String newSessionId() {
        return newId("s-");
    }

    /** {@code prefix} + 24 random hex digits (96 bits: unguessable, so an id is also a capability to rate). */
    private String newId(String prefix) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
