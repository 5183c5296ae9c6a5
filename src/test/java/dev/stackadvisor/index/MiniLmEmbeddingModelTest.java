package dev.stackadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.testing.EndToEnd;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server's MiniLM (ONNX Runtime tuned for concurrent requests) must be the same model as langchain4j's
 * {@code AllMiniLmL6V2EmbeddingModel}: cached embeddings and thresholds were made with either. And the dense
 * index's own scan must rank and score as the langchain4j store's search does (scores to 1e-9), on the real corpus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EndToEnd
class MiniLmEmbeddingModelTest {

    private static final List<String> TEXTS = List.of("should we use FastAPI or NestJS for agents?",
            "Django ships an admin panel and an ORM.", "which framework for a real-time chat app with 40 engineers?");

    private MiniLmEmbeddingModel model;

    @BeforeAll
    void load() {
        model = new MiniLmEmbeddingModel(1);
    }

    @Test
    void should_embed_as_langchain4js_model_does() {
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        MiniLmEmbeddingModel twoThreads = new MiniLmEmbeddingModel(2);
        for (String text : TEXTS) {
            float[] ours = model.embed(text).content().vector();
            float[] theirs = reference.embed(text).content().vector();
            float[] parallel = twoThreads.embed(text).content().vector();
            assertEquals(384, ours.length, "MiniLM output width");
            double norm = 0;
            for (int i = 0; i < ours.length; i++) {
                assertEquals(theirs[i], ours[i], 1e-5, text + " differs from langchain4j's at " + i);
                assertEquals(parallel[i], ours[i], 1e-5, text + " differs between 1 and 2 threads at " + i);
                norm += ours[i] * ours[i];
            }
            assertEquals(1.0, norm, 1e-4, "L2-normalised");
        }
    }

    @Test
    void should_reject_a_thread_count_outside_1_to_64() {
        assertThrows(IllegalArgumentException.class, () -> new MiniLmEmbeddingModel(0));
        assertThrows(IllegalArgumentException.class, () -> new MiniLmEmbeddingModel(65));
    }

    @Test
    void should_score_every_passage_exactly_as_the_store_search_does() {
        FrameworkLexicon lexicon = new FrameworkLexicon();
        Corpus corpus = new CorpusLoader(lexicon, new Segmenter(lexicon)).load(Path.of("corpus"));
        List<Passage> passages = corpus.passages().subList(0, 60);
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<TextSegment> segments = passages.stream().map(p -> TextSegment.from(p.indexText())).toList();
        store.addAll(passages.stream().map(Passage::id).toList(), model.embedAll(segments).content(), segments);
        DenseIndex index = new DenseIndex(model, store, passages,
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10).build());

        for (String text : TEXTS) {
            Embedding q = index.embed(text);
            List<ScoredPassage> ours = index.scoreAll(q);
            List<EmbeddingMatch<TextSegment>> theirs = store.search(EmbeddingSearchRequest.builder()
                    .queryEmbedding(q).maxResults(passages.size()).minScore(0.0).build()).matches();
            assertEquals(theirs.size(), ours.size());
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(theirs.get(i).embeddingId(), ours.get(i).passage().id(), text + ": rank " + i);
                assertEquals(theirs.get(i).score() * 2 - 1, ours.get(i).score(), 1e-9, text + ": score at rank " + i);
            }
            assertTrue(ours.get(0).score() > ours.get(ours.size() - 1).score(), "best first");
        }
    }
}
