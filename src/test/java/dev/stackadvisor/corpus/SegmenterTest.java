package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Segmentation of the real corpus, including each quirk SOURCES.md lists. */
class SegmenterTest {

    private static Corpus corpus;

    @BeforeAll
    static void load() {
        FrameworkLexicon lexicon = new FrameworkLexicon();
        corpus = new CorpusLoader(lexicon, new Segmenter(lexicon)).load(Path.of("corpus"));
    }

    private static Stream<Sentence> sentences() {
        return corpus.passages().stream().flatMap(p -> p.sentences().stream());
    }

    @Test
    void should_keep_the_pasted_django_paragraph_only_under_django() {
        // 000 pastes "Django is a Python-based web framework…" under Node.js, Spring Boot and Go as well
        List<Passage> holding = corpus.passages().stream()
                .filter(p -> p.sentences().stream().anyMatch(s -> s.quote().startsWith("Django is a Python-based web framework")))
                .toList();
        assertEquals(1, holding.size(), "the paragraph appears once");
        assertTrue(holding.get(0).section().startsWith("Django"), holding.get(0).section());
        sentences().filter(s -> s.quote().startsWith("Django is a Python-based"))
                .forEach(s -> assertEquals(List.of("Django"), s.subjects()));
    }

    @Test
    void should_never_make_the_django_paragraph_a_fact_about_node_spring_or_go() {
        corpus.passages().stream()
                .filter(p -> p.section().startsWith("Node.js") || p.section().startsWith("Spring Boot")
                        || p.section().startsWith("Go"))
                .flatMap(p -> p.sentences().stream())
                .forEach(s -> assertFalse(s.quote().contains("Django is a Python-based"), s.quote()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "NestJS        | Scalability: High; Development Speed: High; Enterprise Readiness: High; Performance: High",
        "FastAPI       | Scalability: High; Development Speed: High; Enterprise Readiness: Growing; Performance: Very High",
        "Ruby on Rails | Scalability: Moderate; Development Speed: Very High; Enterprise Readiness: Moderate; Performance: Moderate",
        "Laravel       | Scalability: Moderate-High; Development Speed: Very High; Enterprise Readiness: Moderate; Performance: Moderate-High",
        "Gin           | Scalability: Very High; Development Speed: Moderate; Enterprise Readiness: High; Performance: Extremely High",
        "Fiber         | Scalability: Very High; Development Speed: Moderate; Enterprise Readiness: High; Performance: Extremely High"})
    void should_recover_the_ratings_of_the_flattened_table(String framework, String ratings) {
        // stated cell by cell, each with its row and column ("NestJS — Scalability: High"), never as the glued row
        List<Sentence> rated = sentences().filter(s -> s.aspect() == Aspect.RATING && s.subjects().contains(framework)).toList();
        assertEquals(4, rated.size(), framework + " has one rating per rating column");
        assertEquals(ratings, rated.stream().map(s -> s.display().substring(s.display().indexOf(" — ") + 3))
                .collect(java.util.stream.Collectors.joining("; ")));
        rated.forEach(s -> {
            assertEquals("002_0441bb41a82bbff3", s.documentId());
            assertTrue(s.display().endsWith(": " + s.quote()), "the quote is the rating alone: " + s.quote());
        });
    }

    @ParameterizedTest(name = "{0} row of {2}: {1}")
    @CsvSource(delimiter = '|', value = {
        "Spring Boot   | Higher memory footprint and a steeper learning curve than lighter stacks | 001_f1c85521c131f890",
        "Express.js    | Requires more discipline because many architectural decisions are left to the team | 001_f1c85521c131f890",
        "NestJS        | Heavier abstraction than plain Express | 004_bc19e8e8c29351ec",
        "Fastify       | Less batteries-included than NestJS | 004_bc19e8e8c29351ec",
        "Echo          | Manual wiring; less magic | 004_bc19e8e8c29351ec"})
    void should_keep_pipe_table_rows_as_passages_that_name_their_framework(String framework, String watchOut, String doc) {
        Passage row = corpus.passages().stream()
                .filter(p -> p.documentId().equals(doc))
                .filter(p -> p.sentences().stream().anyMatch(s -> s.quote().equals(watchOut)))
                .findFirst().orElseThrow();
        assertTrue(row.frameworks().contains(framework), row.frameworks().toString());
        assertTrue(row.indexText().contains(framework) || row.section().contains(framework.split(" ")[0]), row.indexText());
        Sentence cell = row.sentences().stream().filter(s -> s.quote().equals(watchOut)).findFirst().orElseThrow();
        assertEquals(Aspect.WEAKNESS, cell.aspect());
        assertTrue(cell.subjects().contains(framework), cell.subjects().toString());
    }

    @Test
    void should_quote_every_sentence_verbatim_from_its_document() {
        sentences().forEach(s -> {
            String text = corpus.document(s.documentId()).orElseThrow().text();
            assertEquals(Segmenter.fold(text.substring(s.start(), s.end())), s.quote());
        });
    }

    @Test
    void should_fit_every_passage_in_minilm_window() {
        // the real word-piece tokenizer of all-MiniLM-L6-v2; the model reads 128 tokens including [CLS] and [SEP]
        HuggingFaceTokenCountEstimator tokenizer = new HuggingFaceTokenCountEstimator();
        for (Passage p : corpus.passages()) {
            int tokens = tokenizer.estimateTokenCountInText(p.indexText());
            assertTrue(tokens <= 126, p.id() + " has " + tokens + " tokens: " + p.indexText());
        }
    }

    @Test
    void should_give_every_passage_a_span_and_sentence_order() {
        for (Passage p : corpus.passages()) {
            assertTrue(p.start() <= p.end());
            for (int i = 1; i < p.sentences().size(); i++) {
                assertTrue(p.sentences().get(i - 1).start() < p.sentences().get(i).start(), p.id());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a comparison names a framework without making a claim about it
        "Memory usage can be higher compared to lightweight frameworks like Flask or Express. | Spring Boot | Flask,Express.js",
        "Its ecosystem is smaller compared to Express.js or NestJS.                          | Fastify     | Express.js,NestJS",
        // a weakness under the Node.js heading that mentions Django and Rails in passing
        "Less built-in features – Compared to frameworks like Django or Ruby on Rails, you need to add more yourself, although NestJS mitigates it. | Node.js | Django,Ruby on Rails,NestJS",
        // an example ("such as") is what the sentence is about
        "That operational profile often favors ASP.NET Core, FastAPI, NestJS, or Go-based frameworks such as Gin. | Gin | Django"})
    void should_attribute_claims_to_their_subject_not_to_frameworks_compared_with(String quote, String subject, String notSubjects) {
        Sentence s = sentences().filter(x -> x.quote().equals(quote)).findFirst().orElseThrow();
        assertTrue(s.subjects().contains(subject), s.subjects().toString());
        for (String other : notSubjects.split(",")) {
            assertFalse(s.subjects().contains(other), other + " is not a subject of: " + quote + " " + s.subjects());
        }
    }

    @Test
    void should_label_sections_from_the_articles_headings() {
        Sentence limitation = sentences()
                .filter(s -> s.quote().startsWith("Laravel may require additional optimization")).findFirst().orElseThrow();
        assertEquals(Aspect.WEAKNESS, limitation.aspect());
        Sentence fit = sentences().filter(s -> s.quote().equals("Real-time applications") && s.subjects().contains("Node.js"))
                .findFirst().orElseThrow();
        assertEquals(Aspect.FIT, fit.aspect());
    }

    @Test
    void should_leave_out_code_samples_and_page_furniture() {
        sentences().forEach(s -> {
            assertFalse(s.quote().contains("app.get("), s.quote());
            assertFalse(s.quote().startsWith("Share this article"), s.quote());
            assertFalse(s.quote().startsWith("Looking to compare"), s.quote());
        });
    }
}
