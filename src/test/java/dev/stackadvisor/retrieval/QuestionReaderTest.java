package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.testing.BagOfWordsEmbedding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The question reader as a stage: {@link QueryAnalyzer} and its parts (mentions, follow-ups, intent, terms, the
 * embedding) over a hand-made corpus, with a hashed bag of words standing in for MiniLM ({@link BagOfWordsEmbedding})
 * in hybrid mode and none in keyword mode. No model, no server: milliseconds.
 */
class QuestionReaderTest {

    private static final HandCorpus CORPUS = new HandCorpus(
            text("d1", "Django", "Django ships an admin and an ORM for content sites."),
            text("d2", "Django", "Django suits teams that want batteries included."),
            text("f1", "FastAPI", "FastAPI is async and typed for API services."),
            text("l1", "Flask", "Flask is a small core for prototypes."),
            text("s1", "NestJS", "NestJS brings structure to large TypeScript codebases."),
            text("e1", "Express.js", "Express.js is minimal and flexible for a JSON api."),
            text("g1", "Gin", "Gin is a fast router for high throughput services."),
            text("v1", "Laravel", "Laravel has queues, mail and an ORM out of the box."));

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    private static final QuestionCues CUES = new QuestionCues(CORPUS.keyword, LEXICON);
    private static final AnalysisTuning TUNING = new AnalysisTuning(0.5, 0.35, 2);
    private static final QueryAnalyzer KEYWORD = analyzer(null);
    private static final DenseIndex DENSE = dense();
    private static final QueryAnalyzer HYBRID = analyzer(DENSE);

    private static HandCorpus.Text text(String id, String framework, String text) {
        return new HandCorpus.Text(id, List.of(framework), Aspect.STRENGTH, text);
    }

    private static DenseIndex dense() {
        BagOfWordsEmbedding model = new BagOfWordsEmbedding();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (Passage p : CORPUS.passages) {
            store.add(p.id(), model.embed(p.indexText()).content());
        }
        return new DenseIndex(model, store, CORPUS.passages, Caffeine.newBuilder().maximumSize(100).<String, Embedding>build());
    }

    private static QueryAnalyzer analyzer(DenseIndex dense) {
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (Passage p : CORPUS.passages) {
            p.frameworks().forEach(f -> covered.merge(f, 1, Integer::sum));
        }
        Prototypes prototypes = dense == null ? null
                : new Prototypes(dense, TUNING.prototypeMinSimilarity(), TUNING.intentMinSimilarity());
        return new QueryAnalyzer(LEXICON, covered, CORPUS.keyword, CUES, LanguageCues.bundled(), CORPUS.stats, dense,
                prototypes, TUNING);
    }

    @Test
    void should_rehearse_a_question_as_a_new_one_with_its_embedding_computed_and_not_cached() {
        // given a hybrid reader whose model counts its calls, over an empty query cache
        AtomicInteger calls = new AtomicInteger();
        BagOfWordsEmbedding words = new BagOfWordsEmbedding();
        EmbeddingModel counting = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                calls.addAndGet(segments.size());
                return words.embedAll(segments);
            }
        };
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (Passage p : CORPUS.passages) {
            store.add(p.id(), words.embed(p.indexText()).content());
        }
        Cache<String, Embedding> cache = Caffeine.newBuilder().maximumSize(100).build();
        QueryAnalyzer reader = analyzer(new DenseIndex(counting, store, CORPUS.passages, cache));
        String question = "is flask fine for prototypes?";
        int before = calls.get();
        long cached = cache.estimatedSize(); // the example phrasings the prototypes embedded

        // when the warm-up rehearses it twice
        AnalyzedQuery rehearsed = reader.rehearse(question);
        reader.rehearse(question);

        // then the model embedded it each time and the cache is as it was
        assertEquals(2, calls.get() - before);
        assertEquals(cached, cache.estimatedSize());
        assertEquals(null, cache.getIfPresent(reader.embeddingText(question)));
        // and it reads as a new conversation's first question does, which is embedded once and then cached
        AnalyzedQuery asked = reader.analyze(question, null);
        reader.analyze(question, null);
        assertEquals(3, calls.get() - before);
        assertEquals(cached + 1, cache.estimatedSize());
        assertArrayEquals(asked.vector(), rehearsed.vector(), 0f);
        assertEquals(asked.intent(), rehearsed.intent());
        assertEquals(asked.frameworks(), rehearsed.frameworks());
        assertEquals(asked.focus(), rehearsed.focus());
        assertEquals(asked.terms(), rehearsed.terms());
    }

    @Test
    void should_embed_the_question_without_its_framework_names() {
        // given a question naming a framework; when it is read in hybrid mode
        AnalyzedQuery q = HYBRID.analyze("is django quick enough for a json api?", null);
        // then what is embedded is the rest of the question, and the vector is the model's for that text
        assertEquals("is quick enough for a json api?", HYBRID.embeddingText(q.message()));
        assertArrayEquals(BagOfWordsEmbedding.vector("is quick enough for a json api?"), q.vector(), 0f);
        assertEquals(List.of("Django"), q.frameworks());
        assertNull(KEYWORD.analyze("is django quick enough for a json api?", null).vector(), "keyword mode embeds nothing");
    }

    @Test
    void should_embed_the_whole_question_when_only_names_and_filler_would_be_left() {
        assertEquals("django or flask?", HYBRID.embeddingText("django or flask?"));
    }

    @Test
    void should_take_the_aspect_of_the_nearest_example_phrasing_when_no_cue_word_names_one() {
        // given a question whose words name no aspect, worded as an example phrasing of watch-outs
        String question = "Laravel: what goes wrong when you use it";
        // when it is read in keyword mode and in hybrid mode (its embedding, names cut out, equals the phrasing's)
        AnalyzedQuery keyword = KEYWORD.analyze(question, null);
        AnalyzedQuery hybrid = HYBRID.analyze(question, null);
        // then only the embedding gives it the aspect, and the aspect's focus words join its terms
        assertEquals(Arrays.asList(null, Aspect.WEAKNESS), Arrays.asList(keyword.focus(), hybrid.focus()));
        assertEquals(CUES.focusTerms(Aspect.WEAKNESS), hybrid.terms().focus());
        assertEquals(List.of(Intent.SINGLE, Intent.SINGLE), List.of(keyword.intent(), hybrid.intent()));
    }

    @Test
    void should_read_a_scenario_from_the_nearest_intent_phrasing_in_hybrid_mode_only() {
        // given a question naming nothing and no recommendation cue, worded as a scenario phrasing
        String question = "help us pick a stack for this project";
        // when read in both modes; then hybrid reads a scenario, keyword mode a concept
        assertEquals(List.of(Intent.CONCEPT, Intent.SCENARIO),
                List.of(KEYWORD.analyze(question, null).intent(), HYBRID.analyze(question, null).intent()));
    }

    @ParameterizedTest(name = "{0} after \"{1}\"")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // question                          | previous question                    | its frameworks | follow-up | dangling | frameworks     | candidates | intent   | languages
            "and their weaknesses?               | django or flask for a content site?  | Django,Flask   | true      | false    | Django,Flask   | -          | COMPARE  | -",
            "what about its weaknesses?          | tell me about laravel                | Laravel        | true      | false    | Laravel        | -          | SINGLE   | -",
            "ok and laravel?                     | tell me about django                 | Django         | false     | false    | Laravel        | -          | SINGLE   | -",
            "what if we also need websockets?    | which framework for a content site?  | Django         | true      | false    | -              | Django     | SCENARIO | -",
            "what if we also need websockets?    | we're a python shop, which framework? | Django,FastAPI | true     | false    | -              | Django,FastAPI | SCENARIO | Python",
            "and what do people say about orms?  | what is an orm?                      | -              | true      | false    | -              | -          | CONCEPT  | -",
            "is it still maintained?             | tell me about laravel                | Laravel        | true      | false    | Laravel        | -          | SINGLE   | -",
            "pricing for teams                   | tell me about laravel                | Laravel        | true      | false    | Laravel        | -          | SINGLE   | -",
            "which orm suits sites with many editors and reviewers | tell me about laravel | Laravel     | false     | false    | -              | -          | CONCEPT  | -",
            "how good is their router?           | -                                    | -              | false     | true     | -              | -          | CONCEPT  | -",
            "and their weaknesses?               | -                                    | -              | false     | true     | -              | -          | CONCEPT  | -",
            "what should a small team build its api on | -                              | -              | false     | false    | -              | -          | CONCEPT  | -",
            "a long question about admin screens for content teams | -                  | -              | false     | false    | -              | -          | CONCEPT  | -",
    })
    void should_resolve_a_question_against_the_previous_turn(String question, String previousQuestion,
            String previousFrameworks, boolean followUp, boolean dangling, String frameworks, String candidates,
            Intent intent, String languages) {
        // given the previous turn of the session, if any
        PreviousTurn previous = previousQuestion == null ? null : new PreviousTurn(previousQuestion, list(previousFrameworks));
        // when the question is read (keyword mode: the intent phrasings play no part)
        AnalyzedQuery q = KEYWORD.analyze(question.strip(), previous);
        // then
        assertEquals(List.of(followUp, dangling, list(frameworks), list(candidates), intent, list(languages)),
                List.of(q.followUp(), q.dangling(), q.frameworks(), q.candidates(), q.intent(), q.languages()));
        assertEquals(followUp ? previousQuestion : "", q.context());
    }

    @Test
    void should_prefer_the_frameworks_of_the_language_a_follow_up_inherits() {
        // given a scenario naming the team's language; when a follow-up adds a requirement
        AnalyzedQuery q = KEYWORD.analyze("what if we also need websockets?",
                new PreviousTurn("we're a python shop, which framework?", List.of("Django")));
        // then the language carries over, and with it the covered frameworks written in it, in lexicon order
        assertEquals(List.of("Python"), q.languages());
        assertEquals(KEYWORD.frameworksFor(List.of("Python")), q.terms().preferred());
        assertEquals(List.of("FastAPI", "Django", "Flask"), q.terms().preferred());
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : new ArrayList<>(List.of(csv.strip().split("\\s*,\\s*")));
    }
}
