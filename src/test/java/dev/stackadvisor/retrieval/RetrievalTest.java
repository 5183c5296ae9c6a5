package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.chat.Services;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Hybrid retrieval, fusion, per-framework evidence and the relevance gate, on the real corpus and model. */
@EndToEnd
class RetrievalTest {

    private static Services services(AppConfig.Retrieval mode) {
        return TestServer.shared(mode);
    }

    private static Evidence retrieve(AppConfig.Retrieval mode, String question) {
        Services s = services(mode);
        return s.retriever().retrieve(s.analyzer().analyze(question, null));
    }

    @ParameterizedTest
    @EnumSource(AppConfig.Retrieval.class)
    void should_give_each_compared_framework_its_own_evidence(AppConfig.Retrieval mode) {
        Evidence ev = retrieve(mode, "fastify vs nestjs for a new API?");
        assertEquals(List.of("Fastify", "NestJS"), ev.frameworks());
        for (String f : ev.frameworks()) {
            List<RankedPassage> about = ev.byFramework().get(f);
            assertFalse(about.isEmpty(), f + " has evidence");
            about.forEach(r -> assertTrue(r.passage().isAbout(f), r.passage().id() + " is about " + f));
        }
    }

    @Test
    void should_fuse_bm25_and_dense_rankings_with_reciprocal_rank_fusion() {
        Evidence ev = retrieve(AppConfig.Retrieval.HYBRID, "which framework is best for serving AI models?");
        assertFalse(ev.general().isEmpty());
        boolean both = false;
        for (int i = 0; i < ev.general().size(); i++) {
            RankedPassage r = ev.general().get(i);
            // the exact sums are ReciprocalRankFusionTest's; here: a fused score lies between one list's last
            // place (1/(60+30) ≈ 0.0111) and first place in both (2/61 ≈ 0.0328), and a passage in both lists
            // outscores one at the same rank in only one
            assertTrue(r.score() >= 0.0111 && r.score() <= 0.0328, r + " has an RRF score with k = 60");
            assertTrue(r.keywordRank() > 0 || r.denseRank() > 0, "every fused passage comes from a ranking");
            if (i > 0) {
                assertTrue(ev.general().get(i - 1).score() >= r.score(), "fused order is by RRF score");
            }
            both |= r.keywordRank() > 0 && r.denseRank() > 0;
        }
        assertTrue(both, "some passages are found by both retrievers");
        assertTrue(ev.general().stream().anyMatch(r -> r.denseRank() > 0 && r.keywordRank() == 0)
                || ev.general().stream().anyMatch(r -> r.keywordRank() > 0 && r.denseRank() == 0),
                "fusion merges two different rankings");
    }

    @Test
    void should_rank_without_embeddings_in_keyword_mode() {
        Evidence ev = retrieve(AppConfig.Retrieval.KEYWORD, "which framework is best for serving AI models?");
        assertFalse(ev.general().isEmpty());
        ev.general().forEach(r -> assertEquals(0, r.denseRank()));
        assertEquals(null, ev.queryVector());
        assertTrue(Double.isNaN(ev.gate().denseTop()));
    }

    @ParameterizedTest(name = "[{0}] {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "HYBRID  | what is the capital of France?              | off_topic",
        "KEYWORD | what is the capital of France?              | off_topic",
        "HYBRID  | how do i center a div in css                | off_topic",
        "KEYWORD | how do i center a div in css                | off_topic",
        "HYBRID  | latest Spring Boot version?                 | unknown_terms",
        "KEYWORD | latest Spring Boot version?                 | unknown_terms",
        "HYBRID  | how many GitHub stars does FastAPI have?    | no_fact",
        "KEYWORD | how many GitHub stars does FastAPI have?    | no_fact",
        "HYBRID  | what's fastapi's mascot?                    | unknown_terms",
        "KEYWORD | what's fastapi's mascot?                    | unknown_terms",
        "HYBRID  | Svelte vs React?                            | not_covered",
        "KEYWORD | Svelte vs React?                            | not_covered",
        "HYBRID  | how much does aws lambda cost per million requests? | off_topic"})
    void should_refuse_what_the_sources_cannot_answer(AppConfig.Retrieval mode, String question, String reason) {
        GateDecision gate = retrieve(mode, question).gate();
        assertFalse(gate.grounded(), question);
        assertEquals(reason, gate.reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"is it hard to hire go devs?", "what are the advantages of a monolith?",
            "which frameworks are best for real-time chat apps?", "does framework choice affect hiring?",
            "koa.js vs sails.js for a REST API?"})
    void should_answer_what_the_sources_cover(String question) {
        for (AppConfig.Retrieval mode : AppConfig.Retrieval.values()) {
            assertTrue(retrieve(mode, question).gate().grounded(), mode + ": " + question);
        }
    }

    @Test
    void should_resolve_a_follow_up_against_the_previous_turn() {
        QueryAnalyzer analyzer = services(AppConfig.Retrieval.KEYWORD).analyzer();
        AnalyzedQuery q = analyzer.analyze("and what about its weaknesses?", new PreviousTurn("tell me about laravel", List.of("Laravel")));
        assertTrue(q.followUp());
        assertEquals(List.of("Laravel"), q.frameworks());
        assertEquals(Aspect.WEAKNESS, q.focus());
        AnalyzedQuery fresh = analyzer.analyze("and what about its weaknesses?", null);
        assertEquals(List.of(), fresh.frameworks());
        AnalyzedQuery newTopic = analyzer.analyze("is django good for that?", new PreviousTurn("tell me about laravel", List.of("Laravel")));
        assertFalse(newTopic.followUp(), "naming a framework starts a new topic");
        assertEquals(List.of("Django"), newTopic.frameworks());
    }

    @Test
    void should_read_a_new_requirement_as_a_scenario_in_the_same_language() {
        QueryAnalyzer analyzer = services(AppConfig.Retrieval.KEYWORD).analyzer();
        AnalyzedQuery q = analyzer.analyze("and for a TypeScript-only team?",
                new PreviousTurn("which framework for a realtime dashboard?", List.of("Phoenix", "Gin")));
        assertEquals(Intent.SCENARIO, q.intent());
        assertTrue(q.languages().contains("TypeScript/JavaScript"));
        assertEquals(List.of("Phoenix", "Gin"), q.candidates());
    }

    @Test
    void should_read_a_platform_shop_as_a_scenario_not_a_question_about_the_platform() {
        QueryAnalyzer analyzer = services(AppConfig.Retrieval.KEYWORD).analyzer();
        AnalyzedQuery q = analyzer.analyze("we're a node shop building a chatbot. which framework?", null);
        assertEquals(Intent.SCENARIO, q.intent());
        assertEquals(List.of(), q.frameworks());
        assertTrue(q.languages().contains("TypeScript/JavaScript"));
    }

    @Test
    void should_name_a_framework_the_corpus_does_not_cover_without_refusing_the_rest() {
        Evidence ev = retrieve(AppConfig.Retrieval.KEYWORD, "koa.js vs sails.js for a REST API?");
        assertEquals(List.of("Koa.js"), ev.frameworks());
        assertEquals(List.of("Sails.js"), ev.query().notCovered());
        assertTrue(ev.gate().grounded());
    }

    @ParameterizedTest(name = "topK {0}")
    @ValueSource(ints = {0, 21, -1})
    void should_refuse_a_topK_outside_the_one_range_the_api_also_checks(int topK) {
        Services s = services(AppConfig.Retrieval.KEYWORD);
        AnalyzedQuery q = s.analyzer().analyze("fastify vs nestjs?", null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.retriever().retrieve(q, topK));
        assertEquals("topK must be a whole number from 1 to 20", e.getMessage());
        assertEquals(20, s.retriever().retrieve(q, 20).general().size(), "20 is the largest topK, and the corpus has them");
    }
}
