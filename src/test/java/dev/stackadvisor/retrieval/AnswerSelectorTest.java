package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answer selection and abstention by coverage, keyword mode over a hand-made corpus (no MiniLM, no server): the real
 * question reader and retriever, the bundled cue and synonym data, and the bundled tuning. Each example of the
 * answer-selection issue's "Why" is a case: the sentence that answers leads, a cue word alone never refuses, and a
 * specific question nothing covers is not answered, naming what is missing.
 */
class AnswerSelectorTest {

    private static final HandCorpus CORPUS = new HandCorpus(
            text("h1", List.of("Hono"), "Hono is a small web framework built on Web Standards."),
            text("h2", List.of("Hono", "Bun"), "Hono runs on Cloudflare Workers, Deno, Bun and Node.js."),
            text("h3", List.of("Hono"), "Hono's RegExpRouter is fast because it compiles every route into one regular expression."),
            text("h4", List.of("Hono"), "Hono is the fastest router for Cloudflare Workers."),
            text("b1", List.of("Bun"), "Bun is a JavaScript runtime with a fast package installer."),
            text("e1", List.of("Express.js"), "Express.js is minimal and has a huge middleware ecosystem."),
            text("e2", List.of("Express.js"), "Express.js leaves architecture decisions to the team, which hurts large codebases."),
            text("d1", List.of("Django"), "Django ships an admin, an ORM and authentication for content sites."),
            text("d2", List.of("Django"), "Django can feel heavy for small services and simple APIs."),
            text("n1", List.of("NestJS"), "NestJS brings modules and dependency injection to large TypeScript codebases."),
            text("n2", List.of("NestJS", "Express.js", "Fastify"), "NestJS runs on Express by default and can run on Fastify through its HTTP adapter."),
            text("f1", List.of("FastAPI"), "FastAPI takes the simple decorator routing of Flask and adds type hints."),
            text("g1", List.of(), "Most teams should start with a modular monolith before splitting services."),
            text("c1", List.of("Fastify", "Express.js"), "Fastify serves requests much faster than Express in benchmarks."),
            text("c2", List.of("Fastify"), "Fastify suits raw throughput work with its schema-based serializer and plugin system."),
            text("l1", List.of("Fastify"), "Fastify listens on 127.0.0.1 unless you pass 0.0.0.0 as the host."));

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    private static final QuestionCues CUES = new QuestionCues(CORPUS.keyword, LEXICON);
    private static final QueryAnalyzer ANALYZER = analyzer();
    private static final HybridRetriever RETRIEVER = new HybridRetriever(corpus(), CORPUS.keyword, CORPUS.stats, null,
            null, Tuning.bundled(), new AnswerSelector.SentenceCues(s -> false, CUES::givesReason, s -> false,
                    s -> s.contains(" than ")));

    private static HandCorpus.Text text(String id, List<String> frameworks, String text) {
        return new HandCorpus.Text(id, frameworks, Aspect.GENERAL, text);
    }

    private static QueryAnalyzer analyzer() {
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (Passage p : CORPUS.passages) {
            p.frameworks().forEach(f -> covered.merge(f, 1, Integer::sum));
        }
        return new QueryAnalyzer(LEXICON, covered, CORPUS.keyword, CUES,
                LanguageCues.bundled(), CORPUS.stats, null, null, new AnalysisTuning(0.5, 0.35, 2));
    }

    private static Corpus corpus() {
        List<Document> documents = new ArrayList<>();
        for (Passage p : CORPUS.passages) {
            documents.add(new Document(p.documentId(), p.documentId(), null, null, null, null, p.indexText()));
        }
        return new Corpus(documents, CORPUS.passages, LEXICON, "hand");
    }

    private static Evidence ask(String question) {
        return RETRIEVER.retrieve(ANALYZER.analyze(question, null));
    }

    @ParameterizedTest(name = "{0} → led by {1}")
    @CsvSource(delimiter = '|', value = {
            // the example questions of the issue, and what must answer them
            "does hono run on bun?                         | h2",
            "why is hono's router so fast?                 | h3",
            "what did fastapi take from flask?             | f1",
            "can nest run on fastify instead of express?   | n2"})
    void should_lead_with_the_sentence_that_answers_a_specific_question(String question, String expected) {
        Evidence ev = ask(question);

        assertTrue(ev.gate().grounded(), question + ": " + ev.gate().reason());
        Selection s = ev.selection();
        assertNotNull(s.lead(), question + ": nothing leads; content " + s.content());
        assertEquals(expected, s.lead().sentence().documentId(), question + ": led by " + s.lead().sentence().quote());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // an aspect cue ("hurt", "overkill for") asks for a profile: the watch-outs answer it, never a refusal
            "what will hurt us if we pick express?",
            "is django overkill for a simple webhook receiver?",
            // a number in the context ("2 routes") is not a request for a number
            "is nest overkill for a webhook relay with like 2 routes lol"})
    void should_never_refuse_for_a_cue_alone(String question) {
        Evidence ev = ask(question);

        assertTrue(ev.gate().grounded(), question + ": refused as " + ev.gate().reason());
        assertEquals(Selection.Ask.PROFILE, ev.selection().ask());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // specific asks no sentence covers, named framework or not
            "how big a request body does nestjs accept by default?",
            "how much RAM does django need per thousand users?",
            "how do i vertically align text in a flexbox"})
    void should_not_answer_what_no_sentence_covers(String question) {
        Evidence ev = ask(question);

        assertFalse(ev.gate().grounded(), question + ": answered, led by "
                + (ev.selection().lead() == null ? "nothing" : ev.selection().lead().sentence().quote()));
        assertTrue(ev.selection().lead() == null, question);
    }

    @Test
    void should_name_the_words_no_sentence_covers_as_the_user_typed_them() {
        Evidence ev = ask("how big a request body does nestjs accept by default?");

        // refused as not answered, or (words the corpus never uses) as unknown terms: both name what is missing
        assertTrue(Set.of(GateReason.NOT_ANSWERED, GateReason.UNKNOWN_TERMS).contains(ev.gate().outcome()), ev.gate().reason());
        assertTrue(ev.selection().uncovered().containsAll(List.of("request", "body")), ev.selection().uncovered().toString());
    }

    @Test
    void should_answer_a_choice_whose_context_holds_numbers_and_product_words() {
        Evidence ev = ask("nest or fastify for 3 ts devs, api for a mobile app w/ auth + push?");

        assertTrue(ev.gate().grounded(), ev.gate().reason());
        assertEquals(Selection.Ask.CHOICE, ev.selection().ask());
        assertEquals(null, ev.fact(), "a number in the context asked for no figure");
    }

    @Test
    void should_read_a_choice_between_named_frameworks_as_a_choice() {
        assertEquals(Selection.Ask.CHOICE, ask("nest or express for a big team?").selection().ask());
        assertEquals(Selection.Ask.SPECIFIC, ask("does hono run on bun?").selection().ask());
    }

    @ParameterizedTest(name = "coverage of \"{1}\" for \"{0}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            // question words (stems)         | sentence words                          | IDF-weighted share held
            "router compiles                 | router compiles                          | 1.0",
            "router compiles                 | nothing in common                        | 0.0",
            // synonyms count: "perf" is a synonym of performance in synonyms.txt
            "perf                            | performance matters                      | 1.0"})
    void should_measure_coverage_with_stems_and_synonyms(String question, String sentence, double expected) {
        AnalyzedQuery q = ANALYZER.analyze(question, null);
        Set<String> terms = Set.copyOf(CORPUS.keyword.terms(sentence));
        List<String> content = q.terms().topic();
        double share = TermStats.share(content, CORPUS.stats.weights(content), t -> TermStats.matches(t, terms)
                || q.reading().expansions().getOrDefault(t, List.of()).stream().anyMatch(e -> TermStats.matches(e, terms)));

        assertEquals(expected, share, 1e-9, "content " + content + ", expansions " + q.reading().expansions());
    }

    @Test
    void should_lead_a_choice_with_the_sentence_that_compares_the_frameworks_weighed() {
        // c2 holds more of the question's words; c1 weighs the two frameworks asked against each other
        Evidence ev = ask("fastify or express for raw throughput?");

        assertEquals(Selection.Ask.CHOICE, ev.selection().ask());
        assertNotNull(ev.selection().lead(), "nothing leads");
        assertEquals("c1", ev.selection().lead().sentence().documentId(), ev.selection().lead().sentence().quote());
    }

    @Test
    void should_measure_a_specific_question_on_what_its_questions_ask_not_on_its_statements() {
        // the statement (hosting, queue, database) is context the sources never mention; the question is covered
        Evidence ev = ask("we run our django monolith on heroku with celery and a postgres replica. does django ship an admin?");

        List<String> context = CORPUS.terms("heroku celery postgres replica monolith");
        assertTrue(ev.selection().content().stream().noneMatch(context::contains), "content " + ev.selection().content());
        assertTrue(ev.gate().grounded(), ev.gate().reason());
        assertEquals("d1", ev.selection().lead().sentence().documentId());
    }

    @Test
    void should_keep_a_choice_measured_on_every_word_of_the_message() {
        // a choice weighs the situation the statements describe
        Evidence ev = ask("we have 3 ts devs and lots of raw throughput. fastify or express?");

        assertEquals(Selection.Ask.CHOICE, ev.selection().ask());
        assertTrue(ev.selection().content().containsAll(CORPUS.terms("raw throughput")), "content " + ev.selection().content());
    }

    @Test
    void should_count_a_dotted_literal_the_sources_contain_as_a_content_word() {
        Evidence ev = ask("does fastify listen on 0.0.0.0?");

        assertTrue(ev.selection().content().contains("0.0.0.0"), "content " + ev.selection().content());
        assertEquals("l1", ev.selection().lead().sentence().documentId());
        // a literal no source holds is not something a sentence could cover
        assertFalse(ask("does fastify listen on 10.1.2.3?").selection().content().contains("10.1.2.3"));
    }
}
