package dev.stackadvisor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled discourse vocabulary as the composer reads it: pure, no corpus, no model. */
class DiscourseTest {

    private static final Discourse BUNDLED = Discourse.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "They handle concurrent requests very efficiently.|true",
            "These frameworks are commonly used for chat platforms.|true",
            "That operational profile often favors ASP.NET Core.|true",
            "It’s faster than FastAPI because it uses msgspec.|true",
            "• Its ecosystem is smaller compared to Express.js.|true",
            "The latter ships a smaller core.|true",
            "Such frameworks suit regulated industries.|true",
            "Theory matters less than delivery.|false",
            "Thesis: pick boring tech.|false",
            "Iterate quickly with Django's admin.|false",
            "FastAPI is async and typed.|false",
            "Model serving and agents favor FastAPI.|false"})
    void should_tell_a_sentence_whose_subject_is_a_reference(String sentence, boolean reference) {
        assertEquals(reference, BUNDLED.opensWithReference(sentence), sentence);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Let’s take the example of a SaaS startup who opted for Node.js for its backend.|true",
            "Another instance is a prominent data analytics company who started using Go.|true",
            "As a real-world example or case study, here’s how a company built a test suite.|true",
            "Customer Success Stories|true",
            "Startups often prioritize faster development.|false",
            "For example, Django ships an admin.|false"})
    void should_tell_a_case_study(String text, boolean caseStudy) {
        assertEquals(caseStudy, BUNDLED.tellsCaseStudy(text), text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Fastify is much faster than Express in benchmarks.|true",
            "Unlike Flask, FastAPI validates requests from type hints.|true",
            "Gin outperforms Martini by a wide margin.|true",
            "Fastify has a plugin system.|false",
            // whole words only: 'thank' is not 'than', 'versus' inside a word is not a comparison
            "Thanks to its router, Hono is small.|false"})
    void should_tell_a_comparative_sentence(String sentence, boolean compares) {
        assertEquals(compares, BUNDLED.compares(sentence), sentence);
    }

    @Test
    void should_match_words_from_its_own_lists_only() {
        Discourse d = new Discourse(List.of("those"), List.of("war story"));

        assertEquals(true, d.opensWithReference("Those teams ship faster."));
        assertEquals(false, d.opensWithReference("They ship faster."));
        assertEquals(true, d.tellsCaseStudy("A war   story from production"));
        assertEquals(false, d.tellsCaseStudy("A warehouse story"));
    }

    @Test
    void should_read_the_points_articles_disagree_on_in_file_order() {
        assertEquals(List.of("large applications", "enterprise use", "real-time work", "small projects"),
                List.copyOf(BUNDLED.contentionPoints().keySet()));
        assertEquals("real-time", BUNDLED.contentionPoints().get("real-time work"));
    }

    @Test
    void should_refuse_an_empty_vocabulary() {
        assertThrows(IllegalArgumentException.class, () -> new Discourse(List.of(), List.of("case study")));
    }
}
