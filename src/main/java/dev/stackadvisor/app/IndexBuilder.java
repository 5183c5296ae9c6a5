package dev.stackadvisor.app;

import com.github.benmanes.caffeine.cache.Cache;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.stackadvisor.answer.ComposerTuning;
import dev.stackadvisor.answer.Discourse;
import dev.stackadvisor.answer.ExtractiveComposer;
import dev.stackadvisor.answer.LlmAnswerer;
import dev.stackadvisor.chat.Catalog;
import dev.stackadvisor.chat.IndexSnapshot;
import dev.stackadvisor.chat.Library;
import dev.stackadvisor.chat.StartupReport;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.DocumentReport;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.EmbeddingCache;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.retrieval.AnswerSelector;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.LanguageCues;
import dev.stackadvisor.retrieval.Prototypes;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import dev.stackadvisor.retrieval.QuestionCues;
import dev.stackadvisor.retrieval.TermStats;
import dev.stackadvisor.retrieval.Tuning;
import dev.stackadvisor.retrieval.TuningFile;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link IndexSnapshot} from the corpus directory as it is: load and segment every document, the BM25
 * index, and in hybrid mode the passage and sentence embeddings (from the content-keyed cache: only texts not
 * embedded before go through MiniLM, so after an upload only its passages are embedded), then the analyzer,
 * retriever, composer, catalog and LLM answerer over them. What does not depend on the corpus (the lexicon, the
 * model, the query-embedding batcher and cache, the LLM client and its breaker) is made once and shared by
 * every build.
 */
final class IndexBuilder implements Library.Builder {

    private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);

    private final AppConfig config;
    private final Path corpusDir;
    private final FrameworkLexicon lexicon;
    private final CorpusLoader loader;
    private final EmbeddingModel model;
    private final String modelId;
    private final EmbeddingModel batcher;
    private final Cache<String, Embedding> queryEmbeddings;
    private final EmbeddingCache cache;
    private final LlmAnswerer llm;
    /** Every stage's tuning, read once: a re-index reuses it (the file is read at start, like the other data files). */
    private final Tuning tuning;
    private final ComposerTuning composerTuning;
    private final Discourse discourse;
    private final LanguageCues languages;
    private final long startNanos;

    /**
     * @param model           MiniLM ({@link dev.stackadvisor.index.MiniLmEmbeddingModel}; a stage test's stand-in),
     *                        null in keyword mode
     * @param modelId         names {@code model} in the embedding cache's key ({@link ServiceFactory#MODEL_ID})
     * @param batcher         the queries' way to the model: an {@link dev.stackadvisor.index.EmbeddingBatcher} over
     *                        it, or the model itself (null in keyword mode)
     * @param queryEmbeddings recent query embeddings (shared by every snapshot: they depend on the model only)
     * @param llm             null without an LLM; each snapshot gets it over its own corpus
     * @param startNanos      when start-up began: the first build reports the time since then
     */
    IndexBuilder(AppConfig config, FrameworkLexicon lexicon, EmbeddingModel model, String modelId, EmbeddingModel batcher,
                 Cache<String, Embedding> queryEmbeddings, LlmAnswerer llm, long startNanos) {
        this.config = config;
        this.corpusDir = config.corpusDir();
        this.lexicon = lexicon;
        this.loader = new CorpusLoader(lexicon, new Segmenter(lexicon), config.maxDocumentBytes());
        this.model = model;
        this.modelId = modelId;
        this.batcher = batcher;
        this.queryEmbeddings = queryEmbeddings;
        this.cache = new EmbeddingCache(config.cacheDir());
        TuningFile file = config.tuningFile() == null ? TuningFile.bundled() : TuningFile.read(config.tuningFile());
        this.tuning = Tuning.from(file);
        this.composerTuning = ComposerTuning.from(file);
        this.discourse = Discourse.bundled();
        this.languages = LanguageCues.bundled();
        this.llm = llm;
        this.startNanos = startNanos;
    }

    @Override
    public IndexSnapshot build(long generation) {
        long start = generation == 1 ? startNanos : System.nanoTime();
        Corpus corpus = loader.load(corpusDir);
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
        if (model != null) {
            EmbeddingCache.Outcome outcome = cache.load(corpus.passages(), model, modelId);
            dense = new DenseIndex(batcher, outcome.store(), corpus.passages(), queryEmbeddings);
            List<Sentence> all = corpus.passages().stream().flatMap(p -> p.sentences().stream()).toList();
            EmbeddingCache.Outcome sentenceOutcome = cache.load("sentences", all.stream().map(Sentence::key).toList(),
                    all.stream().map(Sentence::display).toList(), model, modelId);
            sentences = new SentenceVectors(sentenceOutcome.store());
            cacheState = outcome.hit() && sentenceOutcome.hit() ? "hit" : "miss";
            embedded = outcome.embedded();
            embeddedSentences = sentenceOutcome.embedded();
        }
        QuestionCues cues = new QuestionCues(keyword, lexicon);
        Prototypes prototypes = dense == null ? null : new Prototypes(dense, tuning.analysis().prototypeMinSimilarity(),
                tuning.analysis().intentMinSimilarity());
        TermStats stats = new TermStats(keyword, corpus.passages());
        QueryAnalyzer analyzer = new QueryAnalyzer(lexicon, corpus.passagesPerFramework(), keyword, cues, languages, stats,
                dense, prototypes, tuning.analysis());
        HybridRetriever retriever = new HybridRetriever(corpus, keyword, stats, dense, sentences, tuning,
                new AnswerSelector.SentenceCues(discourse::opensWithReference, cues::givesReason,
                        discourse::pointsElsewhere, discourse::compares));
        ExtractiveComposer composer = new ExtractiveComposer(corpus, keyword, retriever.stats(), sentences, composerTuning,
                discourse);
        Catalog catalog = new Catalog(corpus, analyzer, retriever, composer);
        long ms = (System.nanoTime() - start) / 1_000_000;
        int sentenceCount = (int) corpus.passages().stream().mapToLong(p -> p.sentences().size()).sum();
        StartupReport report = new StartupReport(corpus.documents().size(), corpus.passages().size(),
                corpus.coveredFrameworks().size(), config.retrieval().name().toLowerCase(), cacheState, embedded,
                sentenceCount, embeddedSentences, ms, corpus.reports(), corpus.warnings());
        log.info("{}: {} documents, {} passages, {} sentences, {} frameworks, retrieval={}, embedding cache={} "
                        + "({} passages and {} sentences embedded), {} ms", generation == 1 ? "ready" : "index " + generation,
                report.documents(), report.passages(), sentenceCount, report.frameworks(), report.retrieval(), cacheState,
                embedded, embeddedSentences, ms);
        return new IndexSnapshot(generation, corpus, analyzer, retriever, composer,
                llm == null ? null : llm.forCorpus(corpus), catalog, report);
    }
}
