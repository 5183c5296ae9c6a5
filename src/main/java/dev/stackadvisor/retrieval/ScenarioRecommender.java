package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For a scenario question naming no framework ("which backend for a realtime dashboard?"): the frameworks the top
 * fused passages recommend. First the frameworks named as fits or strengths by passages about the question's
 * situation (holding {@link RecommenderTuning#situationCoverage} of its topic words), in rank order; then by weight:
 * each passage counts its fused score × ({@link RecommenderTuning#relevanceFloor} + topic coverage)², squared so that
 * the one passage about the situation outweighs several that merely rank well, a claim under a fit or strength
 * counting {@link RecommenderTuning#fitWeight}; a framework needs {@link RecommenderTuning#minShareOfLeader} of the
 * leader's weight. Languages the question names narrow the choice to their frameworks; a follow-up that adds a
 * requirement keeps the earlier recommendations in the running. At most {@link RecommenderTuning#maxRecommended}.
 * Pure and thread-safe.
 */
public final class ScenarioRecommender {

    private final RecommenderTuning tuning;
    private final TermStats stats;

    public ScenarioRecommender(RecommenderTuning tuning, TermStats stats) {
        this.tuning = tuning;
        this.stats = stats;
    }

    /**
     * @param general the fused passages for the whole question, best first
     * @param query   the analysed question ({@link QueryTerms#topic}, {@link QueryTerms#preferred},
     *                {@link AnalyzedQuery#candidates})
     * @return canonical framework names, most recommended first
     */
    public List<String> recommend(List<RankedPassage> general, AnalyzedQuery query) {
        List<String> topic = query.terms().topic();
        List<String> preferred = query.terms().preferred();
        List<RankedPassage> top = general.subList(0, Math.min(tuning.passages(), general.size()));
        Map<String, Double> weight = new LinkedHashMap<>();
        for (RankedPassage r : top) {
            double relevance = topic.isEmpty() ? 1
                    : Math.pow(tuning.relevanceFloor() + stats.coverage(topic, stats.terms(r.passage())), 2);
            Map<String, Double> inPassage = new LinkedHashMap<>();
            for (Sentence s : r.passage().sentences()) {
                double aspect = recommends(s) ? tuning.fitWeight() : 1;
                for (String f : s.subjects().isEmpty() ? s.mentions() : s.subjects()) {
                    inPassage.merge(f, aspect, Math::max);
                }
            }
            inPassage.forEach((f, a) -> weight.merge(f, r.score() * relevance * a, Double::sum));
        }
        if (!preferred.isEmpty()) {
            weight.keySet().retainAll(preferred);
            if (weight.isEmpty()) {
                // none of the passages names a framework of the team's language: the language's own, in lexicon order
                for (int i = 0; i < preferred.size(); i++) {
                    weight.put(preferred.get(i), 1.0 / (i + 1));
                }
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(weight.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> out = new ArrayList<>();
        // passages about the question's situation name their answer in full ("…suits FastAPI, NestJS
        // or Gin"): their recommendations come first, in rank order
        for (RankedPassage r : top) {
            if (topic.isEmpty() || stats.coverage(topic, stats.terms(r.passage())) < tuning.situationCoverage()) {
                continue;
            }
            for (Sentence s : r.passage().sentences()) {
                if (recommends(s)) {
                    for (String f : s.subjects()) {
                        if (out.size() < tuning.maxRecommended() && !out.contains(f) && weight.containsKey(f)) {
                            out.add(f);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, Double> e : ranked) {
            if (!out.contains(e.getKey()) && out.size() < tuning.maxRecommended()
                    && e.getValue() >= tuning.minShareOfLeader() * ranked.get(0).getValue()) {
                out.add(e.getKey());
            }
        }
        for (String f : query.candidates()) {
            if (out.size() < tuning.maxRecommended() && !out.contains(f) && (preferred.isEmpty() || preferred.contains(f))) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean recommends(Sentence s) {
        return s.aspect() == Aspect.FIT || s.aspect() == Aspect.STRENGTH;
    }
}
