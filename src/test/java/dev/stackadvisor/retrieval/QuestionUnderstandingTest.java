package dev.stackadvisor.retrieval;

import static dev.stackadvisor.testing.AnswerAssertions.assertCitationsVerbatimAndReferenced;
import static dev.stackadvisor.testing.AnswerAssertions.assertRefused;
import static dev.stackadvisor.testing.AnswerAssertions.frameworks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Questions worded the way people type them, through the real services, corpus and model: synonyms and
 * example phrasings, misspelt names, ordinary words that are also names, and abstention by the kind of fact asked.
 */
@EndToEnd
class QuestionUnderstandingTest {

    private static TestServer hybrid;
    private static TestServer keyword;
    private static TestServer facts;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        hybrid = TestServer.start(AppConfig.Retrieval.HYBRID);
        keyword = TestServer.start(AppConfig.Retrieval.KEYWORD);
        facts = TestServer.start(factsCorpus(dir));
    }

    @AfterAll
    static void stop() {
        hybrid.stop();
        keyword.stop();
        facts.stop();
    }

    private static TestServer server(AppConfig.Retrieval mode) {
        return mode == AppConfig.Retrieval.HYBRID ? hybrid : keyword;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "HYBRID|laravel cons?|Laravel", "KEYWORD|laravel cons?|Laravel",
            "HYBRID|what are the disadvantages of nestjs|NestJS", "KEYWORD|any negatives to using spring boot?|Spring Boot",
            "HYBRID|caveats with gin|Gin", "KEYWORD|pros of fastify|Fastify", "HYBRID|upsides of spring boot|Spring Boot",
            "KEYWORD|rails gotchas|Ruby on Rails", "HYBRID|🔥🔥 FASTAPI PROS 🔥🔥|FastAPI", "KEYWORD|WHAT ARE THE CONS OF NESTJS|NestJS"})
    void should_answer_an_aspect_asked_in_words_the_articles_do_not_use(AppConfig.Retrieval mode, String question, String framework) {
        Response r = server(mode).chat(question);

        JsonNode a = r.json();
        assertTrue(a.path("grounded").asBoolean(false), r::toString);
        assertEquals(List.of(framework), frameworks(a), r::toString);
        assertCitationsVerbatimAndReferenced(a);
    }

    @ParameterizedTest
    @EnumSource(AppConfig.Retrieval.class)
    void should_say_when_the_sources_list_nothing_of_the_kind_asked_and_give_what_they_do_say(AppConfig.Retrieval mode) {
        Response r = server(mode).chat("koa cons?");

        JsonNode a = r.json();
        assertTrue(a.path("grounded").asBoolean(false), r::toString);
        assertTrue(a.path("answer").asText().startsWith("My sources list no watch-outs for **Koa.js**"), r::toString);
        assertTrue(assertCitationsVerbatimAndReferenced(a) >= 1, r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what trips teams up with nestjs?|WEAKNESS", "what would we regret about picking fastapi?|WEAKNESS",
            "what do developers like about laravel?|STRENGTH"})
    void should_read_the_aspect_of_a_phrasing_no_cue_word_names_by_its_meaning(String question, Aspect aspect) {
        Services s = TestServer.shared(AppConfig.Retrieval.HYBRID);
        assertEquals(aspect, s.analyzer().analyze(question, null).focus(), question);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"need something for a multiplayer game lobby with realtime updates|SCENARIO",
            "our team is starting an internal admin tool, what fits|SCENARIO", "why do cold starts matter on serverless|CONCEPT",
            "how do microservices affect team structure|CONCEPT"})
    void should_read_whether_a_question_naming_no_framework_asks_what_to_build_with_by_its_meaning(String question, Intent intent) {
        Services s = TestServer.shared(AppConfig.Retrieval.HYBRID);
        assertEquals(intent, s.analyzer().analyze(question, null).intent(), question);
    }

    @ParameterizedTest
    @EnumSource(AppConfig.Retrieval.class)
    void should_not_take_a_pronoun_with_its_noun_in_the_question_for_a_reference_to_an_earlier_turn(AppConfig.Retrieval mode) {
        Services s = TestServer.shared(mode);
        assertTrue(!s.analyzer().analyze("what should a 3 person startup build its api on", null).dangling());
        assertTrue(s.analyzer().analyze("its weaknesses?", null).dangling());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"expres or fastfy for a high-speed api|Express.js,Fastify",
            "is sprng boot good for banking?|Spring Boot", "djnago vs flask for a blog|Django,Flask",
            "nestjss vs fast-api for an llm agent backend|NestJS,FastAPI", "laravell or djangoo for an online shop?|Laravel,Django"})
    void should_say_which_frameworks_it_read_a_misspelt_name_as(String question, String expected) {
        for (AppConfig.Retrieval mode : AppConfig.Retrieval.values()) {
            Response r = server(mode).chat(question);

            assertEquals(Arrays.asList(expected.split(",")), frameworks(r.json()), () -> mode + ": " + r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"express delivery for small parcels", "spring cleaning tips for the office",
            "echo chamber effects in online forums"})
    void should_read_an_ordinary_word_as_a_word(String question) {
        Services s = TestServer.shared(AppConfig.Retrieval.KEYWORD);
        AnalyzedQuery q = s.analyzer().analyze(question, null);
        assertEquals(List.of(), q.frameworks(), question);
        assertEquals(List.of(), q.notCovered(), question);
    }

    @ParameterizedTest(name = "{1} in {0} mode")
    @CsvSource(delimiter = '|', value = {
            "HYBRID|what license does django use?|licence of Django", "KEYWORD|what license does django use?|licence of Django",
            "HYBRID|what's the current version of laravel?|version numbers for Laravel",
            "KEYWORD|when was fastapi first released?|release dates for FastAPI",
            "HYBRID|who maintains nestjs today?|who makes or maintains NestJS",
            "KEYWORD|average salary of a go developer in the US?|price or cost figures",
            "HYBRID|how many weekly npm downloads does express have?|figures on that for Express.js",
            "KEYWORD|is there a known security vulnerability in spring boot 3.2?|security advisories for Spring Boot",
            "HYBRID|how do I add a middleware in express? code please|code or configuration steps for Express.js"})
    void should_refuse_a_kind_of_fact_the_sources_do_not_state_and_say_what_is_missing(AppConfig.Retrieval mode, String question,
                                                                                     String missing) {
        Response r = server(mode).chat(question);

        assertRefused(r.json());
        assertTrue(r.json().path("answer").asText().contains(missing), r::toString);
    }

    @ParameterizedTest(name = "{1} in {0} mode")
    @CsvSource(delimiter = '|', value = {
            "HYBRID|what share of developers use Python?|57.9%", "KEYWORD|what share of developers use Python?|57.9%",
            "HYBRID|average cost of a data breach?|$4.4 million", "KEYWORD|average cost of a data breach?|$4.4 million"})
    void should_answer_a_kind_of_fact_the_corpus_states_with_that_sentence_first(AppConfig.Retrieval mode, String question,
                                                                                String fact) {
        Response r = server(mode).chat(question);

        JsonNode a = r.json();
        assertTrue(a.path("grounded").asBoolean(false), r::toString);
        assertTrue(a.path("answer").asText().lines().findFirst().orElse("").contains(fact), r::toString);
        assertCitationsVerbatimAndReferenced(a);
    }

    /**
     * One sentence per kind of fact, in a document added to the corpus, and the question it answers. Code is the
     * one kind no document can state: the segmenter leaves code samples out of passages, so "code please" is
     * always refused (tested above).
     */
    private static final Map<String, String> STATED = Map.of(
            "what license does flask use?", "Flask is distributed under the BSD license, so it can be used in closed products.",
            "what's the current version of laravel?", "Laravel 11.2 is the current version of Laravel in this comparison.",
            "when was fastapi first released?", "FastAPI was first released in 2018 by its author.",
            "who maintains nestjs today?", "NestJS is maintained by Kamil Mysliwiec and a team of core contributors.",
            "is there a known security vulnerability in spring boot 3.2?",
            "A known vulnerability in Spring Boot 3.2, CVE-2024-22243, affected URL parsing.",
            "how much does hosting a rails app on heroku cost per month?",
            "Hosting a Ruby on Rails app on Heroku costs about $25 per month for a basic dyno.");

    @Test
    void should_answer_each_kind_of_fact_where_a_document_states_it() {
        STATED.forEach((question, sentence) -> {
            Response r = facts.chat(question);

            JsonNode a = r.json();
            assertTrue(a.path("grounded").asBoolean(false), () -> question + ": " + r);
            String stated = sentence.substring(0, sentence.length() - 1); // the answer puts its [n] before the full stop
            assertTrue(a.path("answer").asText().startsWith(stated), () -> question + ": " + r);
            boolean cited = false;
            for (JsonNode c : a.path("citations")) {
                cited |= c.path("documentId").asText().equals("990_stated_facts");
            }
            assertTrue(cited, () -> question + ": " + r);
        });
    }

    /** The real corpus plus one document that states a fact of each kind, in keyword mode. */
    private static AppConfig factsCorpus(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(TestServer.corpusDir())) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("sources.json")) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        }
        StringBuilder text = new StringBuilder("Facts about backend frameworks\n\n");
        STATED.values().stream().sorted().forEach(s -> text.append(s).append("\n\n"));
        Files.writeString(dir.resolve("990_stated_facts.txt"), text);
        ObjectMapper json = new ObjectMapper();
        ObjectNode sources = (ObjectNode) json.readTree(TestServer.corpusDir().resolve("sources.json").toFile());
        ObjectNode entry = ((ArrayNode) sources.path("documents")).addObject();
        entry.put("id", "990_stated_facts");
        entry.put("title", "Facts about backend frameworks");
        entry.put("publisher", "Test");
        json.writeValue(dir.resolve("sources.json").toFile(), sources);
        return AppConfig.fromEnv(Map.of("ADVISOR_CORPUS_DIR", dir.toString(), "ADVISOR_RETRIEVAL", "keyword",
                "ADVISOR_CACHE_DIR", "", "PORT", "0", "ADVISOR_WARMUP_SECONDS", "0"));
    }

    @ParameterizedTest
    @EnumSource(AppConfig.Retrieval.class)
    void should_follow_up_an_aspect_asked_in_other_words(AppConfig.Retrieval mode) {
        Response first = server(mode).chat("tell me about fastify");
        String session = first.json().path("sessionId").asText();

        Response r = server(mode).postJson("/api/chat", "{\"message\": \"and its weak points?\", \"sessionId\": \"" + session + "\"}");

        assertTrue(r.json().path("grounded").asBoolean(false), r::toString);
        assertEquals(List.of("Fastify"), frameworks(r.json()), r::toString);
        String answer = r.json().path("answer").asText().toLowerCase(Locale.ROOT);
        assertTrue(answer.contains("watch out") || answer.contains("smaller") || answer.contains("batteries"), r::toString);
    }
}
