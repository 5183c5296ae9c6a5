package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.ScoredPassage;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.testing.BagOfWordsEmbedding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hybrid retrieval as a stage over a hand-made corpus, with {@link BagOfWordsEmbedding} standing in for MiniLM (no
 * model, no server; milliseconds): both rankings as langchain4j content retrievers, their fusion in
 * {@code ReciprocalRankFuser}'s order with the fused scores and ranks written out, keyword-only mode, evidence per
 * framework asked about, the topK bound and the gate's refusal of an off-topic question.
 */
class HybridRetrieverTest {

    private static final HandCorpus CORPUS = new HandCorpus(
            text("d1", "Django", "Django ships an admin panel, an ORM and authentication out of the box."),
            text("d2", "Django", "Django feels heavy for tiny services that only expose a handful of endpoints."),
            text("d3", "Django", "Django templates render server-side pages for content sites."),
            text("d4", "Django", "Django migrations keep the database schema in step with the models."),
            text("f1", "FastAPI", "FastAPI validates request bodies with type hints and writes OpenAPI docs for you."),
            text("f2", "FastAPI", "FastAPI suits model serving: async endpoints wait on inference without blocking."),
            text("e1", "Express.js", "Express.js is minimal and leaves the structure of the code to the team."),
            text("s1", "Spring Boot", "Spring Boot gives large teams dependency injection and mature tooling."),
            text("g1", null, "A modular monolith is a sensible start before splitting into services."),
            text("g2", null, "Pick what the team already knows well when the deadline is close."));

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    private static final QuestionCues CUES = new QuestionCues(CORPUS.keyword, LEXICON);
    private static final Tuning TUNING = Tuning.bundled();
    private static final int K = TUNING.retrieval().rrfK();
    private static final BagOfWordsEmbedding MODEL = new BagOfWordsEmbedding();
    private static final DenseIndex DENSE = denseIndex();

    private static final QueryAnalyzer HYBRID_ANALYZER = analyzer(DENSE);
    private static final HybridRetriever HYBRID = new HybridRetriever(corpus(), CORPUS.keyword, CORPUS.stats, DENSE,
            sentenceVectors(), TUNING);
    private static final QueryAnalyzer KEYWORD_ANALYZER = analyzer(null);
    private static final HybridRetriever KEYWORD = new HybridRetriever(corpus(), CORPUS.keyword, CORPUS.stats, null,
            null, TUNING);

    private static HandCorpus.Text text(String id, String framework, String text) {
        return new HandCorpus.Text(id, framework == null ? List.of() : List.of(framework), Aspect.GENERAL, text);
    }

    private static DenseIndex denseIndex() {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (Passage p : CORPUS.passages) {
            store.add(p.id(), MODEL.embed(p.indexText()).content(), TextSegment.from(p.indexText()));
        }
        return new DenseIndex(MODEL, store, CORPUS.passages, Caffeine.newBuilder().maximumSize(100).build());
    }

    private static SentenceVectors sentenceVectors() {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (Passage p : CORPUS.passages) {
            for (Sentence s : p.sentences()) {
                store.add(s.key(), MODEL.embed(s.display()).content(), TextSegment.from(s.display()));
            }
        }
        return new SentenceVectors(store);
    }

    private static QueryAnalyzer analyzer(DenseIndex dense) {
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (Passage p : CORPUS.passages) {
            p.frameworks().forEach(f -> covered.merge(f, 1, Integer::sum));
        }
        return new QueryAnalyzer(LEXICON, covered, CORPUS.keyword, CUES, LanguageCues.bundled(), CORPUS.stats, dense,
                null, TUNING.analysis());
    }

    private static Corpus corpus() {
        List<Document> documents = new ArrayList<>();
        for (Passage p : CORPUS.passages) {
            documents.add(new Document(p.documentId(), p.documentId(), null, null, null, null, p.indexText()));
        }
        return new Corpus(documents, CORPUS.passages, LEXICON, "hand");
    }

    private static List<String> ids(List<RankedPassage> ranked) {
        return ranked.stream().map(r -> r.passage().documentId()).toList();
    }

    private static List<String> contentIds(List<Content> contents) {
        return contents.stream().map(c -> c.textSegment().metadata().getString(PassageContent.DOCUMENT_ID)).toList();
    }

    private static Bm25Retriever bm25() {
        return new Bm25Retriever(CORPUS.keyword, TUNING.retrieval(), CORPUS.passages.size());
    }

    @Test
    void should_order_the_fused_passages_as_langchain4js_fuser_over_both_content_retrievers() {
        // given a question whose words two passages share, and both rankings asked through langchain4j's interface
        AnalyzedQuery q = HYBRID_ANALYZER.analyze("which one suits model serving with async endpoints?", null);
        Query query = RetrievalQuery.of(q);
        List<ContentRetriever> retrievers = List.of(bm25(), new DenseRetriever(DENSE));

        // when
        Evidence ev = HYBRID.retrieve(q, 6);
        List<List<Content>> lists = retrievers.stream().map(r -> r.retrieve(query)).toList();

        // then the corpus is small enough that fusion sees every passage of both lists (candidates ≥ 20)
        assertEquals(contentIds(ReciprocalRankFuser.fuse(lists, K)).subList(0, 6), ids(ev.general()));
        assertEquals("f2", ids(ev.general()).get(0), "the passage sharing the most words leads both rankings");
        for (RankedPassage r : ev.general()) {
            double expected = (r.keywordRank() > 0 ? 1.0 / (K + r.keywordRank()) : 0)
                    + (r.denseRank() > 0 ? 1.0 / (K + r.denseRank()) : 0);
            assertEquals(expected, r.score(), 1e-15, r.passage().id());
            assertEquals(r.keywordRank(), contentIds(lists.get(0)).indexOf(r.passage().documentId()) + 1);
            assertEquals(r.denseRank(), contentIds(lists.get(1)).indexOf(r.passage().documentId()) + 1);
        }
    }

    @Test
    void should_return_a_retrievers_ranking_as_contents_with_passage_ids_and_scores() {
        AnalyzedQuery q = HYBRID_ANALYZER.analyze("django admin and authentication", null);
        for (PassageRetriever retriever : List.of(bm25(), new DenseRetriever(DENSE))) {
            List<ScoredPassage> passages = retriever.retrieve(q);
            List<Content> contents = retriever.retrieve(RetrievalQuery.of(q));

            assertFalse(contents.isEmpty());
            assertEquals(passages.size(), contents.size());
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i).passage();
                Content c = contents.get(i);
                assertEquals(p.id(), PassageContent.passageId(c));
                assertEquals(p.documentId(), c.textSegment().metadata().getString(PassageContent.DOCUMENT_ID));
                assertEquals(p.indexText(), c.textSegment().text());
                assertEquals(passages.get(i).score(), (Double) c.metadata().get(ContentMetadata.SCORE));
            }
            assertEquals("d1", passages.get(0).passage().documentId());
        }
    }

    @Test
    void should_refuse_a_query_that_carries_no_analysed_question() {
        assertThrows(IllegalArgumentException.class, () -> bm25().retrieve(Query.from("django admin")));
    }

    @Test
    void should_add_passages_only_the_dense_ranking_finds_in_hybrid_mode_and_none_in_keyword_mode() {
        String question = "which one suits model serving with async endpoints?";

        Evidence hybrid = HYBRID.retrieve(HYBRID_ANALYZER.analyze(question, null), 10);
        AnalyzedQuery keywordQuery = KEYWORD_ANALYZER.analyze(question, null);
        Evidence keyword = KEYWORD.retrieve(keywordQuery, 10);

        assertTrue(hybrid.general().stream().anyMatch(r -> r.keywordRank() == 0 && r.denseRank() > 0));
        assertNotNull(hybrid.queryVector());
        assertFalse(Double.isNaN(hybrid.gate().denseTop()));
        keyword.general().forEach(r -> assertEquals(0, r.denseRank(), r.passage().id()));
        assertNull(keyword.queryVector());
        assertTrue(Double.isNaN(keyword.gate().denseTop()));
        // BM25 alone through the same fusion: its order, each passage scoring 1/(k + its rank)
        List<ScoredPassage> bm25 = bm25().retrieve(keywordQuery);
        assertEquals(bm25.stream().map(s -> s.passage().documentId()).limit(10).toList(), ids(keyword.general()));
        for (RankedPassage r : keyword.general()) {
            assertEquals(1.0 / (K + r.keywordRank()), r.score(), 1e-15);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void should_give_each_compared_framework_its_own_evidence_when_one_has_more_text(boolean hybrid) {
        QueryAnalyzer analyzer = hybrid ? HYBRID_ANALYZER : KEYWORD_ANALYZER;
        Evidence ev = (hybrid ? HYBRID : KEYWORD).retrieve(analyzer.analyze("django or fastapi for our endpoints?", null));

        assertEquals(List.of("Django", "FastAPI"), ev.frameworks());
        for (String f : ev.frameworks()) {
            List<RankedPassage> about = ev.byFramework().get(f);
            assertFalse(about.isEmpty(), f + " has evidence of its own");
            about.forEach(r -> assertTrue(r.passage().isAbout(f), r.passage().id() + " is about " + f));
        }
    }

    @Test
    void should_keep_at_most_top_k_fused_passages() {
        AnalyzedQuery q = HYBRID_ANALYZER.analyze("django admin and authentication", null);

        assertEquals(3, HYBRID.retrieve(q, 3).general().size());
        assertEquals(CORPUS.passages.size(), HYBRID.retrieve(q, TopK.MAX).general().size(), "dense ranks every passage");
        assertThrows(IllegalArgumentException.class, () -> HYBRID.retrieve(q, TopK.MIN - 1));
        assertThrows(IllegalArgumentException.class, () -> HYBRID.retrieve(q, TopK.MAX + 1));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void should_not_ground_a_question_the_corpus_says_nothing_about(boolean hybrid) {
        QueryAnalyzer analyzer = hybrid ? HYBRID_ANALYZER : KEYWORD_ANALYZER;
        Evidence ev = (hybrid ? HYBRID : KEYWORD).retrieve(analyzer.analyze("how tall is the eiffel tower?", null));

        assertFalse(ev.gate().grounded(), ev.gate().toString());
    }
}
