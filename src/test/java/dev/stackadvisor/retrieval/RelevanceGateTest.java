package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackadvisor.corpus.Aspect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The relevance gate on hand-made questions and passages (no corpus, no MiniLM), with the bundled thresholds:
 * minDense 0.42, minDenseWithWords 0.35, minCoverage 0.5, minKeywordCoverage 0.5 (0.4 with two words),
 * maxUnknown 0.5, minExact 0.34, followUpSlack 0.1, minMeaning 0.34.
 */
class RelevanceGateTest {

    private static final HandCorpus CORPUS = new HandCorpus(
            new HandCorpus.Text("django", List.of("Django"), Aspect.FIT, "Django suits content sites with an admin panel."),
            new HandCorpus.Text("fastapi", List.of("FastAPI"), Aspect.STRENGTH, "FastAPI serves machine learning models asynchronously."),
            new HandCorpus.Text("laravel", List.of("Laravel"), Aspect.OVERVIEW, "Laravel offers elegant syntax to web artisans."));
    private static final RelevanceGate GATE = new RelevanceGate(Tuning.bundled().gate(), CORPUS.stats);

    private static List<String> list(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s*;\\s*"));
    }

    @ParameterizedTest(name = "[{0}] topic \"{1}\" → {9}")
    @CsvSource(delimiter = '|', value = {
        // case                                | topic             | frameworks | not covered | intent   | follow-up | dangling | dense | meaning | reason
        "refers back without an earlier turn   | limitations       |            |             | CONCEPT  | false     | true     | NaN   | NaN     | NEEDS_CONTEXT",
        "only uncovered frameworks             | speed             |            | Svelte      | COMPARE  | false     | false    | NaN   | NaN     | NOT_COVERED",
        "named framework, words no one uses    | mascot            | FastAPI    |             | SINGLE   | false     | false    | NaN   | NaN     | UNKNOWN_TERMS",
        "... but it means what a sentence says | mascot            | FastAPI    |             | SINGLE   | false     | false    | 0.5   | 0.40    | OK",
        "... and a sentence is not close       | mascot            | FastAPI    |             | SINGLE   | false     | false    | 0.5   | 0.30    | UNKNOWN_TERMS",
        "named framework, known words          | machine learning  | FastAPI    |             | SINGLE   | false     | false    | NaN   | NaN     | OK",
        "keyword: no passage holds the words   | capital france    |            |             | CONCEPT  | false     | false    | NaN   | NaN     | OFF_TOPIC",
        "keyword: one passage holds them all   | admin panel       |            |             | CONCEPT  | false     | false    | NaN   | NaN     | OK",
        "keyword: 2 of 3 words, under 0.5      | admin panel mascot|            |             | CONCEPT  | false     | false    | NaN   | NaN     | OK",
        "nothing to judge                      | ''                |            |             | CONCEPT  | false     | false    | NaN   | NaN     | OFF_TOPIC",
        "hybrid: close passage                 | capital france    |            |             | CONCEPT  | false     | false    | 0.45  | NaN     | OK",
        "hybrid: middling passage, no words    | capital france    |            |             | CONCEPT  | false     | false    | 0.38  | NaN     | OFF_TOPIC",
        "hybrid: middling passage, words agree | admin panel       |            |             | CONCEPT  | false     | false    | 0.38  | NaN     | OK",
        "hybrid: far passage                   | admin panel       |            |             | CONCEPT  | false     | false    | 0.30  | NaN     | OFF_TOPIC",
        "hybrid: far passage, follow-up slack  | admin panel       |            |             | CONCEPT  | true      | false    | 0.30  | NaN     | OK",
    })
    void should_judge_a_question_by_its_own_measurements(String description, String topic, String frameworks,
                                                         String notCovered, Intent intent, boolean followUp,
                                                         boolean dangling, double dense, double meaning, GateReason reason) {
        AnalyzedQuery q = HandCorpus.query(CORPUS, topic, list(frameworks == null ? "" : frameworks),
                list(notCovered == null ? "" : notCovered), intent, followUp, dangling, List.of(), List.of(), List.of());
        List<RankedPassage> general = CORPUS.passages.stream().map(p -> CORPUS.ranked(p.documentId(), 0.016)).toList();
        Map<String, List<RankedPassage>> byFramework = new java.util.LinkedHashMap<>();
        for (String f : q.frameworks()) {
            byFramework.put(f, general.stream().filter(r -> r.passage().isAbout(f)).toList());
        }

        GateDecision decision = GATE.decide(new GateInput(q, general, byFramework, dense, () -> meaning));

        assertEquals(reason, decision.outcome(), description);
        assertEquals(reason == GateReason.OK, decision.grounded(), description);
        assertEquals(reason.code(), decision.reason());
    }

    @ParameterizedTest(name = "{0} covers {1}")
    @CsvSource(delimiter = '|', value = {"admin panel | 1.0", "capital france | 0.0", "admin mascot | 0.32"})
    void should_report_the_best_passage_coverage_it_measured(String topic, double coverage) {
        AnalyzedQuery q = HandCorpus.query(CORPUS, topic, List.of(), List.of(), Intent.CONCEPT, false, false,
                List.of(), List.of(), List.of());
        List<RankedPassage> general = CORPUS.passages.stream().map(p -> CORPUS.ranked(p.documentId(), 0.016)).toList();
        // IDF over 3 passages: a stem in one ln(1 + 2.5/1.5) = 0.98, one in none ln(1 + 3.5/0.5) = 2.08
        assertEquals(coverage, GATE.decide(new GateInput(q, general, Map.of(), Double.NaN, () -> Double.NaN)).coverage(), 0.01);
    }
}
