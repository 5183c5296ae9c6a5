package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.index.KeywordIndex;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cue vocabulary (analysis/synonyms.txt + analysis/question-cues.json) read through Lucene's synonym graph:
 * pure, no corpus and no model (an empty keyword index supplies the analyzers).
 */
class QuestionCuesTest {

    private static final QuestionCues CUES = new QuestionCues(new KeywordIndex(List.of()), new FrameworkLexicon());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // watch-outs, in the many words people use
            "laravel cons?|WEAKNESS", "what are the disadvantages of nestjs|WEAKNESS", "django weak points|WEAKNESS",
            "any negatives to using spring boot?|WEAKNESS", "caveats with gin|WEAKNESS", "risks of picking fastapi|WEAKNESS",
            "biggest complaints about axum|WEAKNESS", "fastify trade-offs?|WEAKNESS", "what's bad about express.js?|WEAKNESS",
            "where does asp.net core fall short?|WEAKNESS", "rails gotchas|WEAKNESS", "pitfalls of flask|WEAKNESS",
            "nest js limitations|WEAKNESS", "drawbacks of koa|WEAKNESS", "what's the catch with phoenix|WEAKNESS",
            // strengths
            "pros of fastify|STRENGTH", "upsides of spring boot|STRENGTH", "benefits of laravel|STRENGTH",
            "advantages of rails|STRENGTH", "what is gin good at|STRENGTH", "why would anyone pick asp.net core|STRENGTH",
            "selling points of django|STRENGTH", "laravel features?|STRENGTH",
            // where it fits
            "use cases for django|FIT", "fastapi sweet spot?|FIT", "what kind of projects suit nestjs|FIT",
            "when should i reach for express|FIT", "is flask ideal for prototypes|FIT", "what is echo best for|FIT",
            // what it is
            "tell me about fastify|OVERVIEW", "explain axum|OVERVIEW"})
    void should_read_every_word_of_a_family_as_its_aspect(String question, Aspect aspect) {
        assertEquals(aspect, CUES.read(question).aspect(), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fastify vs nestjs for a new API?", "laravel or django for an ecommerce site"})
    void should_find_no_aspect_where_none_is_asked(String question) {
        assertNull(CUES.read(question).aspect(), question);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "what license does django use?|licence", "what's the current version of laravel?|version",
            "when was fastapi first released?|date", "who maintains nestjs today?|person",
            "average salary of a go developer in the US?|money", "how many weekly npm downloads does express have?|number",
            "what techempower score does actix get?|number", "is there a known security vulnerability in spring boot 3.2?|security",
            "how do I add a middleware in express? code please|code",
            "how much does hosting a rails app on heroku cost per month?|money"})
    void should_read_the_kind_of_fact_a_question_asks_for(String question, String type) {
        AnswerType t = CUES.read(question).answerType();
        assertEquals(type, t == null ? null : t.name(), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"is spring boot secure?", "does django lead to clean code?", "how fast can we launch an MVP with rails?",
            "which framework handles a large number of concurrent users?", "fastify vs express for speed"})
    void should_not_read_a_kind_of_fact_into_an_ordinary_question(String question) {
        assertNull(CUES.read(question).answerType(), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"which framework should we use for a chat app?", "any recommendations for a C# shop?",
            "what are the alternatives in node?", "we're building a marketplace"})
    void should_read_a_request_for_a_recommendation(String question) {
        assertTrue(CUES.read(question).scenario(), question);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {"k8s deployment for go apis|k8|kubernet", "perf of actix|perf|perform",
            "django for an online shop|onlin|ecommerc"})
    void should_add_the_fields_synonyms_of_a_phrase_or_an_unknown_word(String question, String word, String synonym) {
        QuestionCues.Reading r = CUES.read(question);
        assertTrue(r.synonyms().getOrDefault(word, List.of()).contains(synonym), () -> question + ": " + r.synonyms());
    }

    @ParameterizedTest
    @ValueSource(strings = {"laravel cons?", "pros of fastify"})
    void should_keep_cue_words_out_of_the_synonyms_added_to_the_search(String question) {
        QuestionCues.Reading r = CUES.read(question);
        assertTrue(r.synonyms().isEmpty(), () -> question + ": " + r.synonyms());
        assertFalse(r.cueTerms().isEmpty(), question);
    }
}
