package dev.stackadvisor.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.RankedPassage;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Answers with an LLM from numbered retrieved passages, through langchain4j's {@link ChatModel} (or
 * {@link StreamingChatModel} when streaming). Every call is bounded by the deadline and bulkhead of {@link LlmCalls}
 * (resilience4j {@code TimeLimiter} and {@code ThreadPoolBulkhead}) whatever the client library does, goes through
 * a resilience4j {@link CircuitBreaker} (after repeated failures the LLM is skipped for a cool-down), and every
 * answer is checked: markers pointing at no given passage are removed, an answer
 * that is empty or cites nothing is rejected. Any failure is an {@link LlmException} whose reason becomes the
 * extractive answer's {@code fallbackReason}.
 */
public final class LlmAnswerer {

    /** Passages given to the LLM at most: enough for two or three frameworks, small enough for a fast answer. */
    public static final int MAX_SOURCES = 8;
    /** Longest quote a citation carries, in characters; a longer passage is quoted up to a sentence end. */
    static final int MAX_QUOTE_CHARS = 400;

    /** One numbered passage as given to the LLM, with the citation it becomes when cited. */
    public record Source(int n, Passage passage, Citation citation) {
    }

    private final ChatModel model;
    private final StreamingChatModel streaming;
    private final PromptTemplates prompts;
    private final Corpus corpus;
    private final CircuitBreaker breaker;
    private final LlmCalls calls;
    private final String modelName;

    /**
     * @param calls the deadline and the bulkhead every call goes through
     */
    public LlmAnswerer(ChatModel model, StreamingChatModel streaming, PromptTemplates prompts, Corpus corpus,
                       CircuitBreaker breaker, LlmCalls calls, String modelName) {
        this.model = model;
        this.streaming = streaming;
        this.prompts = prompts;
        this.corpus = corpus;
        this.breaker = breaker;
        this.calls = calls;
        this.modelName = modelName;
    }

    /**
     * The same answerer (model, prompts, breaker, deadline and bulkhead) quoting another corpus: one per index
     * snapshot, so a re-index does not reset the breaker.
     */
    public LlmAnswerer forCorpus(Corpus other) {
        return new LlmAnswerer(model, streaming, prompts, other, breaker, calls, modelName);
    }

    /** The breaker's state: CLOSED (calling), OPEN (skipping the LLM), HALF_OPEN (trying again). */
    public String breakerState() {
        return breaker.getState().name();
    }

    /** The model answers are generated with. */
    public String modelName() {
        return modelName;
    }

    /** Whether a call would be attempted now (the breaker is not open). */
    public boolean available() {
        return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    /**
     * The passages given to the LLM for this evidence, numbered from 1: the best three about each framework
     * asked about, then the best for the whole question, at most {@link #MAX_SOURCES}.
     */
    public List<Source> sources(Evidence ev) {
        Map<String, RankedPassage> chosen = new LinkedHashMap<>();
        for (String f : ev.frameworks()) {
            ev.byFramework().getOrDefault(f, List.of()).stream().limit(3).forEach(r -> chosen.putIfAbsent(r.passage().id(), r));
        }
        for (RankedPassage r : ev.general()) {
            if (chosen.size() >= MAX_SOURCES) {
                break;
            }
            chosen.putIfAbsent(r.passage().id(), r);
        }
        List<Source> out = new ArrayList<>();
        for (RankedPassage r : chosen.values()) {
            if (out.size() >= MAX_SOURCES) {
                break;
            }
            int n = out.size() + 1;
            out.add(new Source(n, r.passage(), citation(n, r)));
        }
        return out;
    }

    /**
     * Answers in one call.
     *
     * @param history the conversation so far (user and AI messages), oldest first
     * @throws LlmException on any failure, including the breaker being open
     */
    public Answer answer(Evidence ev, List<ChatMessage> history) throws LlmException {
        List<Source> sources = sources(ev);
        if (sources.isEmpty()) {
            throw new LlmException(FallbackReason.NO_PASSAGES, "no passages to answer from", null);
        }
        ChatRequest request = request(ev, history, sources);
        String text = call(() -> blocking(request), cites(sources));
        return checked(text, sources, ev);
    }

    /**
     * Answers token by token.
     *
     * @param onToken   receives each text delta as it arrives
     * @param cancelled polled at each delta: true when the client has gone, which stops generation
     * @throws LlmException on any failure; deltas already sent stay sent, the caller sends the fallback
     */
    public Answer stream(Evidence ev, List<ChatMessage> history, List<Source> sources, Consumer<String> onToken,
                         BooleanSupplier cancelled) throws LlmException {
        ChatRequest request = request(ev, history, sources);
        String text = call(() -> {
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            AtomicReference<PartialResponseContext> handle = new AtomicReference<>();
            streaming.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.set(context);
                    if (cancelled.getAsBoolean()) {
                        context.streamingHandle().cancel();
                        done.completeExceptionally(new java.util.concurrent.CancellationException("client disconnected"));
                        return;
                    }
                    onToken.accept(partial.text());
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            try {
                return calls.await(done);
            } catch (TimeoutException e) {
                stop(handle.get()); // the limiter cancelled done: the generation itself must stop too
                throw e;
            } finally {
                if (!done.isDone()) {
                    stop(handle.get());
                }
            }
        }, cites(sources));
        return checked(text, sources, ev);
    }

    /**
     * Rewrites a follow-up as a standalone question from the conversation, or empty when the LLM is not
     * available or fails (the caller then uses its own rules). Bounded by the same timeout and breaker.
     */
    public Optional<String> rewrite(List<ChatMessage> history, String message) {
        if (!available()) {
            return Optional.empty();
        }
        ChatRequest request = ChatRequest.builder()
                .messages(UserMessage.from(prompts.rewrite(historyText(history), message))).build();
        try {
            String text = call(() -> blocking(request), answerText -> { });
            String line = text.strip().lines().findFirst().orElse("").strip();
            return line.isEmpty() || line.length() > 1000 ? Optional.empty() : Optional.of(line);
        } catch (LlmException e) {
            return Optional.empty();
        }
    }

    /** Stops a streaming generation that has started (null: no token came yet, nothing to stop). */
    private static void stop(PartialResponseContext context) {
        if (context != null) {
            context.streamingHandle().cancel();
        }
    }

    /** A non-streaming call in the bulkhead, abandoned at the deadline whatever the client library does. */
    private ChatResponse blocking(ChatRequest request) throws Exception {
        return calls.blocking(() -> model.chat(request));
    }

    private interface Call {
        ChatResponse run() throws Exception;
    }

    /** Rejects an answer text; what it rejects counts as a failed call for the breaker. */
    private interface Check {
        void check(String text) throws LlmException;
    }

    /** Runs one call through the breaker and returns the answer text, or throws with a classified reason. */
    private String call(Call call, Check check) throws LlmException {
        if (!breaker.tryAcquirePermission()) {
            throw new LlmException(FallbackReason.CIRCUIT_OPEN, "the LLM failed repeatedly; skipping it for a cool-down", null);
        }
        long start = System.nanoTime();
        try {
            ChatResponse response = call.run();
            AiMessage ai = response == null ? null : response.aiMessage();
            String text = ai == null ? null : ai.text();
            if (text == null || text.isBlank()) {
                throw new LlmException(FallbackReason.EMPTY_ANSWER, "the LLM returned no text", null);
            }
            check.check(text);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return text;
        } catch (LlmException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        } catch (BulkheadFullException e) {
            breaker.releasePermission(); // no call was made: the LLM did nothing wrong
            throw new LlmException(FallbackReason.BULKHEAD_FULL, "every LLM call slot and queue place is taken", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw new LlmException(FallbackReason.LLM_ERROR, "interrupted", e);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
            throw failure(cause);
        }
    }

    /**
     * A failure classified by the types of the exception and its causes (never by its message): the first cause
     * that says what happened wins; anything else is {@link FallbackReason#LLM_ERROR}.
     */
    static LlmException failure(Throwable t) {
        String message = String.valueOf(t.getMessage());
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpConnectTimeoutException) {
                return new LlmException(FallbackReason.CONNECTION_FAILED, message, t);
            }
            if (c instanceof TimeoutException || c instanceof HttpTimeoutException
                    || c instanceof dev.langchain4j.exception.TimeoutException) {
                return new LlmException(FallbackReason.TIMEOUT, message, t);
            }
            if (c instanceof java.util.concurrent.CancellationException) {
                return new LlmException(FallbackReason.CANCELLED, message, t);
            }
            if (c instanceof ConnectException || c instanceof UnresolvedAddressException
                    || c instanceof java.net.UnknownHostException) {
                return new LlmException(FallbackReason.CONNECTION_FAILED, message, t);
            }
            if (c instanceof HttpException h) {
                return new LlmException(FallbackReason.HTTP_STATUS, h.statusCode(), message, t);
            }
            if (c instanceof JsonProcessingException) {
                return new LlmException(FallbackReason.MALFORMED_RESPONSE, message, t);
            }
        }
        return new LlmException(FallbackReason.LLM_ERROR, message, t);
    }

    private ChatRequest request(Evidence ev, List<ChatMessage> history, List<Source> sources) {
        StringBuilder passages = new StringBuilder();
        for (Source s : sources) {
            Document d = corpus.document(s.passage().documentId()).orElseThrow();
            passages.append('[').append(s.n()).append("] (")
                    .append(d.publisher() == null ? "unknown publisher" : d.publisher()).append(" — ").append(d.title())
                    .append(s.passage().section().isEmpty() ? "" : " — " + s.passage().section()).append(")\n");
            for (Sentence sentence : s.passage().sentences()) {
                passages.append(sentence.display()).append(' ');
            }
            passages.append("\n\n");
        }
        String user = prompts.answer(historyText(history), passages.toString().strip(), ev.query().message());
        return ChatRequest.builder().messages(SystemMessage.from(prompts.system()), UserMessage.from(user)).build();
    }

    private static String historyText(List<ChatMessage> history) {
        StringBuilder b = new StringBuilder();
        for (ChatMessage m : history) {
            if (m instanceof UserMessage u && u.hasSingleText()) {
                b.append("User: ").append(u.singleText()).append('\n');
            } else if (m instanceof AiMessage a && a.text() != null) {
                b.append("Assistant: ").append(a.text()).append('\n');
            }
        }
        return b.toString().strip();
    }

    /** An answer that cites none of the passages given is not grounded: it counts as a failure. */
    private static Check cites(List<Source> sources) {
        return text -> {
            CitationCheck.Result r = CitationCheck.check(text, sources.size());
            if (r.cited().isEmpty()) {
                throw new LlmException(FallbackReason.UNCITED_ANSWER, "the LLM answer cites none of the passages given"
                        + (r.removed() > 0 ? " (" + r.removed() + " invalid markers removed)" : ""), null);
            }
        };
    }

    private Answer checked(String text, List<Source> sources, Evidence ev) {
        CitationCheck.Result r = CitationCheck.check(text, sources.size());
        List<Citation> citations = new ArrayList<>();
        for (int n : r.cited()) {
            citations.add(sources.get(n - 1).citation());
        }
        return new Answer(r.text(), citations, ev.frameworks(), true, AnswerMode.LLM, null, r.removed());
    }

    /** The citation a passage becomes: verbatim text of its span, cut at a sentence end past the cap. */
    private Citation citation(int n, RankedPassage r) {
        Passage p = r.passage();
        Document d = corpus.document(p.documentId()).orElseThrow();
        int end = p.sentences().get(0).end();
        for (Sentence s : p.sentences()) {
            if (s.end() - p.start() > MAX_QUOTE_CHARS) {
                break;
            }
            end = s.end();
        }
        return Citation.of(n, d, p.section(), p.sentences().get(0).start(), end, r.score());
    }
}
