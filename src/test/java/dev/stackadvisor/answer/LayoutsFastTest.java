package dev.stackadvisor.answer;

import static dev.stackadvisor.testing.StageAssertions.assertGroundedAndVerbatim;
import static dev.stackadvisor.testing.StageAssertions.assertRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.Intent;
import dev.stackadvisor.testing.StageCorpus;
import dev.stackadvisor.testing.StagePipeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each answer layout ({@link SingleLayout}, {@link CompareLayout}, {@link ScenarioLayout}, {@link ConceptLayout}) driven
 * through {@link ExtractiveComposer} with evidence from the real analyzer and hybrid retriever, over the hand-written
 * {@link StageCorpus} and the bag-of-words stand-in for MiniLM ({@link StagePipeline}): no server, no model, the
 * whole class in about a second once the JVM is warm. Each case names the layout's rule it pins.
 */
class LayoutsFastTest {

    @TempDir
    static Path dir;
    private static StagePipeline pipeline;

    @BeforeAll
    static void build() {
        pipeline = StagePipeline.over(dir, StageCorpus.documents());
    }

    private static Answer answer(String question, Intent intent) {
        Evidence ev = pipeline.evidence(question);
        assertEquals(intent, ev.query().intent(), () -> "read as " + ev.query().intent() + ": " + question);
        return pipeline.snapshot().composer().compose(ev);
    }

    private static List<String> blocks(Answer a) {
        return a.sections().frameworks().stream().map(Sections.Framework::name).toList();
    }

    /** Every item under a framework's block quotes a sentence from that framework's own section of its article. */
    private static void assertItemsUnderTheirFramework(Answer a) {
        for (Sections.Framework f : a.sections().frameworks()) {
            for (Sections.Labelled list : Sections.Framework.labelled(f)) {
                for (Sections.Item item : list.items()) {
                    Citation c = a.citations().get(item.n() - 1);
                    assertEquals(f.name(), c.section(), () -> "under " + f.name() + ": " + c.quote());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            What are the weak points of Gin?       | Gin     | **Gin** (Go) — watch out:         | Gin leaves the database layer to you
            Which strengths does Phoenix have?     | Phoenix | **Phoenix** (Elixir) — strength:  | Phoenix LiveView is productive
            Tell me about Flask                    | Flask   | **Flask** (Python) — what it is:  | Flask is a small Python framework
            Is Django good for content-heavy sites? | Django  | **Django** (Python):              | Django is a good fit for content-heavy sites
            """)
    void should_lead_a_single_framework_answer_with_the_aspect_asked(String question, String framework, String verdictStart,
                                                                     String quoteStart) {
        Answer a = answer(question, Intent.SINGLE);

        assertGroundedAndVerbatim(a, pipeline);
        assertEquals(List.of(framework), a.frameworks());
        assertEquals(List.of(framework), blocks(a));
        String verdict = a.sections().verdict();
        assertTrue(verdict.startsWith(verdictStart + " " + quoteStart), () -> "verdict: " + verdict);
        assertTrue(a.text().startsWith(verdict.replaceAll("\\.$", "")), a::text);
        assertItemsUnderTheirFramework(a);
    }

    @Test
    void should_list_no_strengths_when_asked_only_for_watch_outs() {
        // SingleLayout's order for a watch-out question: watch-outs, then fit; strengths are not what was asked
        Answer a = answer("What are the weak points of Gin?", Intent.SINGLE);

        Sections.Framework gin = a.sections().frameworks().get(0);
        assertEquals(List.of(), gin.strengths(), a::text);
        assertFalse(gin.fit().isEmpty(), a::text);
        assertFalse(a.text().contains("Gin compiles to a single static binary"), a::text);
    }

    @Test
    void should_say_the_sources_list_none_of_the_kind_asked_and_give_what_they_say() {
        Answer a = answer("What are Echo's drawbacks?", Intent.SINGLE);

        assertGroundedAndVerbatim(a, pipeline);
        assertEquals("My sources list no watch-outs for **Echo**; what they do say:", a.sections().verdict());
        Sections.Framework echo = a.sections().frameworks().get(0);
        assertEquals(List.of(), echo.watchOuts());
        assertEquals(List.of("Echo is a Go framework with a minimalist router and grouped routes."),
                echo.overview().stream().map(Sections.Item::text).toList());
        assertEquals(List.of("Echo suits small REST services that sit behind an API gateway."),
                echo.fit().stream().map(Sections.Item::text).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Django vs Gin?            | Django,Gin    | It depends on your team's language (**Django**: Python; **Gin**: Go) and on the workload.
            Compare Flask and Django  | Flask,Django  | It depends on the workload: what each fits is below.
            """)
    void should_weigh_the_compared_frameworks_side_by_side_in_the_order_asked(String question, String names, String verdict) {
        Answer a = answer(question, Intent.COMPARE);

        assertGroundedAndVerbatim(a, pipeline);
        List<String> asked = List.of(names.split(","));
        assertEquals(verdict, a.sections().verdict());
        assertEquals(asked, blocks(a));
        assertEquals(asked, a.frameworks());
        for (Sections.Framework f : a.sections().frameworks()) {
            // the corpus has one sentence of each kind per framework: the comparison shows all four
            assertEquals(List.of(1, 1, 1, 1), List.of(f.overview().size(), f.fit().size(), f.strengths().size(),
                    f.watchOuts().size()), () -> f.name() + ": " + a.text());
        }
        assertItemsUnderTheirFramework(a);
    }

    @Test
    void should_put_watch_outs_before_strengths_when_a_comparison_asks_for_weaknesses() {
        Answer weaknesses = answer("Flask vs Gin: weaknesses?", Intent.COMPARE);
        Answer plain = answer("Compare Flask and Django", Intent.COMPARE);

        assertGroundedAndVerbatim(weaknesses, pipeline);
        String w = weaknesses.text();
        assertTrue(w.indexOf("Watch out: Flask has no built-in ORM") < w.indexOf("Strength: Flask is simple"), w);
        assertTrue(w.indexOf("Watch out: Gin leaves") < w.indexOf("Strength: Gin compiles"), w);
        String p = plain.text();
        assertTrue(p.indexOf("Strength: Flask is simple") < p.indexOf("Watch out: Flask has no built-in ORM"), p);
    }

    @Test
    void should_name_the_recommended_framework_with_why_when_a_situation_is_described() {
        Answer a = answer("Recommend a framework for high-throughput JSON APIs", Intent.SCENARIO);

        assertGroundedAndVerbatim(a, pipeline);
        assertEquals("For this, the sources point to **Gin**: Gin is ideal for high-throughput JSON APIs and small network "
                + "services [1].", a.sections().verdict());
        assertEquals(List.of("Gin"), blocks(a));
        Sections.Framework gin = a.sections().frameworks().get(0);
        assertEquals(1, gin.strengths().size(), a::text);
        assertEquals(1, gin.watchOuts().size(), a::text);
        assertItemsUnderTheirFramework(a);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            What does a read-through cache in front of the database do? | A read-through cache in front of the database cuts latency
            When does splitting a monolith into microservices pay off?  | Splitting a monolith into microservices pays off
            """)
    void should_answer_a_concept_with_its_best_answering_sentence_first(String question, String quoteStart) {
        Answer a = answer(question, Intent.CONCEPT);

        List<Citation> cited = assertGroundedAndVerbatim(a, pipeline);
        assertEquals(List.of(), a.sections().frameworks(), "a concept answer has no framework blocks");
        assertTrue(a.sections().verdict().startsWith(quoteStart), a.sections().verdict());
        assertTrue(a.sections().verdict().endsWith(" [1]."), a.sections().verdict());
        assertEquals("architecture-notes", cited.get(0).documentId());
        assertTrue(cited.size() <= 4, "the best sentence and up to three more: " + a.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            How do I bake sourdough bread?  | ''
            Is Hono any good for APIs?      | Hono
            """)
    void should_refuse_when_the_sources_cannot_answer(String question, String named) {
        Answer a = pipeline.answer(question);

        assertRefusal(a);
        assertTrue(a.text().contains(named), a::text);
    }

    @Test
    void should_give_the_same_bytes_from_a_second_build_of_the_same_documents(@TempDir Path other) {
        StagePipeline again = StagePipeline.over(other, StageCorpus.documents());

        for (String q : List.of("Django vs Gin?", "What are Echo's drawbacks?", "Tell me about Flask",
                "Recommend a framework for high-throughput JSON APIs",
                "When does splitting a monolith into microservices pay off?")) {
            assertEquals(pipeline.answer(q), again.answer(q), q);
        }
    }
}
