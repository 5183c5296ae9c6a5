package dev.stackadvisor.bench;

import dev.stackadvisor.answer.ExtractiveComposer;
import dev.stackadvisor.app.ServiceFactory;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.EmbeddingCache;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.MiniLmEmbeddingModel;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.Prototypes;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import dev.stackadvisor.retrieval.QuestionCues;
import dev.stackadvisor.retrieval.TermStats;
import dev.stackadvisor.retrieval.Tuning;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.IndexSnapshot;
import dev.stackadvisor.chat.Library;
import dev.stackadvisor.chat.StartupReport;
import dev.stackadvisor.chat.SessionStore;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.SentenceVectors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the benchmarks share: the fixed question mix, where the corpus and the embedding cache are, and a
 * wiring of the services without the server's query-embedding and answer caches (with twenty questions
 * cycled, those caches would turn every call after the first twenty into a lookup).
 *
 * <p>The corpus is {@code $ADVISOR_CORPUS_DIR} when set, else the first of {@code corpus}, {@code ../corpus}
 * (run from {@code bench/}), {@code /work/main/corpus}. The embedding cache is {@code $ADVISOR_CACHE_DIR} when
 * set, else {@code <corpus>/../bench/target/bench-cache}, so the benchmarks never touch the main project's
 * {@code .cache}. JMH forks inherit the working directory and the environment, so both resolve alike there.
 */
final class Fixtures {

    /** Twenty realistic, varied questions: comparisons, single-framework, scenarios, concepts, one out of scope. */
    static final List<String> QUESTIONS = List.of(
            "fastify vs nestjs?",
            "is django good for an ecommerce site?",
            "FastAPI or NestJS for an AI agent backend?",
            "what are the weaknesses of Express?",
            "Spring Boot or ASP.NET Core for a large enterprise system?",
            "which framework should a startup use for an MVP?",
            "is Laravel a good choice for a small team?",
            "Gin vs Fiber for high-throughput microservices?",
            "what is the best backend for real-time chat?",
            "should we pick Rails or Django for a content-heavy marketplace?",
            "what does Axum do well?",
            "monolith or microservices for a new product?",
            "our team writes Python, what should we use for a REST API?",
            "is Flask still worth it in 2026?",
            "compare Phoenix and Node.js for websockets",
            "what framework fits machine learning model serving?",
            "Koa or Express for a lightweight API?",
            "how do I choose a backend framework?",
            "is Actix faster than Rocket?",
            "what is the capital of France?");

    private Fixtures() {
    }

    static Path corpusDir() {
        String env = System.getenv("ADVISOR_CORPUS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        for (String candidate : List.of("corpus", "../corpus", "/work/main/corpus")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(p.resolve("sources.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("corpus not found: set ADVISOR_CORPUS_DIR or run from the project or bench/");
    }

    static Path cacheDir() {
        String env = System.getenv("ADVISOR_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return corpusDir().resolveSibling("bench").resolve("target").resolve("bench-cache");
    }

    static AppConfig config(String retrieval) {
        return AppConfig.fromEnv(Map.of(
                "ADVISOR_CORPUS_DIR", corpusDir().toString(),
                "ADVISOR_CACHE_DIR", cacheDir().toString(),
                "ADVISOR_RETRIEVAL", retrieval));
    }

    /** The full services exactly as the server builds them (query-embedding and answer caches on). */
    static Services services(String retrieval) {
        return ServiceFactory.build(config(retrieval));
    }

    static Corpus corpus() {
        FrameworkLexicon lexicon = new FrameworkLexicon();
        return new CorpusLoader(lexicon, new Segmenter(lexicon)).load(corpusDir());
    }

    /**
     * A Caffeine cache that keeps nothing (size 0, evicted at once on the calling thread): the server's
     * query-embedding and answer caches turned off, so that every call does the real work.
     */
    static <V> Cache<String, V> noCache() {
        return Caffeine.newBuilder().maximumSize(0).executor(Runnable::run).build();
    }

    /**
     * Analyser, retriever, composer and chat service wired as {@link ServiceFactory#build} wires them, but
     * with its query-embedding and answer caches turned off. Keep in step with {@code ServiceFactory.build}.
     */
    record Pipeline(Corpus corpus, KeywordIndex keyword, QueryAnalyzer analyzer, HybridRetriever retriever,
                    ExtractiveComposer composer, ChatService chat) {
    }

    static Pipeline uncachedPipeline(String retrieval) {
        return pipeline(retrieval, false);
    }

    /**
     * As {@link #uncachedPipeline} but with the query-embedding cache on (the answer cache stays off): once each
     * question has been embedded, a turn costs what an uncached request costs around its one MiniLM inference.
     */
    static Pipeline embeddedPipeline(String retrieval) {
        return pipeline(retrieval, true);
    }

    private static Pipeline pipeline(String retrieval, boolean queryEmbeddings) {
        Corpus corpus = corpus();
        KeywordIndex keyword = new KeywordIndex(corpus.passages());
        DenseIndex dense = null;
        SentenceVectors sentences = null;
        if (retrieval.equals("hybrid")) {
            MiniLmEmbeddingModel model = new MiniLmEmbeddingModel(1);
            EmbeddingCache cache = new EmbeddingCache(cacheDir());
            EmbeddingCache.Outcome outcome = cache.load(corpus.passages(), model, ServiceFactory.MODEL_ID);
            dense = new DenseIndex(model, outcome.store(), corpus.passages(),
                    queryEmbeddings ? Caffeine.newBuilder().maximumSize(10_000).build() : noCache());
            List<Sentence> all = corpus.passages().stream().flatMap(p -> p.sentences().stream()).toList();
            EmbeddingCache.Outcome sentenceOutcome = cache.load("sentences", all.stream().map(Sentence::key).toList(),
                    all.stream().map(Sentence::display).toList(), model, ServiceFactory.MODEL_ID);
            sentences = new SentenceVectors(sentenceOutcome.store());
        }
        Tuning tuning = Tuning.bundled();
        QuestionCues cues = new QuestionCues(keyword, corpus.lexicon());
        Prototypes prototypes = dense == null ? null : new Prototypes(dense, tuning.analysis().prototypeMinSimilarity(),
                tuning.analysis().intentMinSimilarity());
        TermStats stats = new TermStats(keyword, corpus.passages());
        QueryAnalyzer analyzer = new QueryAnalyzer(corpus.lexicon(), corpus.coveredFrameworks(), keyword, cues, stats,
                dense, prototypes);
        HybridRetriever retriever = new HybridRetriever(corpus, keyword, stats, dense, sentences, tuning);
        ExtractiveComposer composer = new ExtractiveComposer(corpus, keyword, retriever.stats(), sentences, dev.stackadvisor.answer.ComposerTuning.bundled(),
                dev.stackadvisor.answer.Discourse.bundled());
        SessionStore sessions = new SessionStore(10_000, Duration.ofHours(1), Clock.systemUTC());
        Cache<String, Answer> answers = noCache();
        Catalog catalog = new Catalog(corpus, analyzer, retriever, composer);
        StartupReport report = new StartupReport(corpus.documents().size(), corpus.passages().size(),
                corpus.coveredFrameworks().size(), retrieval, dense == null ? "off" : "hit", 0, 0, 0, 0, corpus.reports(),
                corpus.warnings());
        Library library = new Library(generation -> new IndexSnapshot(generation, corpus, analyzer, retriever, composer,
                null, catalog, report), new SimpleMeterRegistry());
        ChatService chat = new ChatService(library, sessions, answers, new SimpleMeterRegistry());
        return new Pipeline(corpus, keyword, analyzer, retriever, composer, chat);
    }
}
