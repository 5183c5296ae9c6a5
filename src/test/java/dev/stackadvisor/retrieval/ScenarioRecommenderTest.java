package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackadvisor.corpus.Aspect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scenario recommender on hand-made fused passages (no corpus, no MiniLM), with the bundled tuning: 8 passages
 * weighed, (0.2 + coverage)² relevance, fits and strengths counting 2, situation passages from 40 % coverage, 30 % of
 * the leader's weight, at most 4.
 */
class ScenarioRecommenderTest {

    private static final HandCorpus CORPUS = new HandCorpus(
            new HandCorpus.Text("chat", List.of("Phoenix", "NestJS"), Aspect.FIT, "Phoenix and NestJS fit realtime chat servers."),
            new HandCorpus.Text("chatmention", List.of("Express"), Aspect.GENERAL, "Express appears in many chat tutorials."),
            new HandCorpus.Text("dashboards", List.of("Gin"), Aspect.STRENGTH, "Gin is fast."),
            new HandCorpus.Text("admin", List.of("Django"), Aspect.FIT, "Django fits admin panels."),
            new HandCorpus.Text("weak", List.of("Rails"), Aspect.WEAKNESS, "Rails struggles with realtime chat at scale."),
            new HandCorpus.Text("five", List.of("Flask", "FastAPI", "Laravel", "Spring Boot", "Fastify"), Aspect.FIT,
                    "Flask, FastAPI, Laravel, Spring Boot and Fastify fit realtime chat."));
    private static final ScenarioRecommender RECOMMENDER = new ScenarioRecommender(Tuning.bundled().recommender(), CORPUS.stats);

    private static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s*;\\s*"));
    }

    @ParameterizedTest(name = "[{0}] → {5}")
    @CsvSource(delimiter = '|', value = {
        // case                                        | topic         | fused passages (id:score), best first       | preferred      | candidates | recommended
        "fits of the situation's passage come first    | realtime chat | dashboards:0.033;chat:0.032                  |                |            | Phoenix;NestJS",
        "a mention under 30 % of the leader is dropped | realtime chat | dashboards:0.033;chatmention:0.032;chat:0.031 |               |            | Phoenix;NestJS",
        "a watch-out is no recommendation first        | realtime chat | weak:0.033;chat:0.016                        |                |            | Phoenix;NestJS;Rails",
        "no topic: weight by score alone               | ''            | admin:0.033;dashboards:0.010                 |                |            | Django;Gin",
        "at most four                                  | realtime chat | five:0.033                                   |                |            | Flask;FastAPI;Laravel;Spring Boot",
        "the team's language narrows the choice        | realtime chat | dashboards:0.033;chat:0.032                  | NestJS;Fastify |            | NestJS",
        "the language's own when none is named         | admin panels  | admin:0.033                                  | Gin;Echo       |            | Gin;Echo",
        "earlier recommendations stay in the running   | admin panels  | admin:0.033                                  |                | Laravel    | Django;Laravel",
    })
    void should_recommend_what_the_evidence_supports(String description, String topic, String fused, String preferred,
                                                     String candidates, String recommended) {
        List<RankedPassage> general = list(fused).stream()
                .map(e -> CORPUS.ranked(e.split(":")[0], Double.parseDouble(e.split(":")[1]))).toList();
        AnalyzedQuery q = HandCorpus.query(CORPUS, topic, List.of(), List.of(), Intent.SCENARIO, false, false,
                List.of(), list(preferred), list(candidates));

        assertEquals(list(recommended), RECOMMENDER.recommend(general, q), description);
    }
}
