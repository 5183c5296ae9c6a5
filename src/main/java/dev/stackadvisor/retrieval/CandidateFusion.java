package dev.stackadvisor.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Reciprocal rank fusion of answer selection's rankings of its candidates (Cormack, Clarke &amp; Büttcher 2009): each
 * ranking adds 1/(k + rank) to a candidate it holds; equal values share the better rank. Not langchain4j's
 * {@code ReciprocalRankFuser}, which ranks by position: there two candidates with the same BM25 score or coverage
 * would get different ranks, and the fused score, which selection reads, is not returned. Pure; a static function
 * of its inputs.
 */
final class CandidateFusion {

    private CandidateFusion() {
    }

    /**
     * The candidates with their fused score, best first: reciprocal rank fusion of the rankings by BM25, cosine
     * (when there are cosines), agreement (when frameworks are asked), coverage and passage rank; equal values
     * share a rank. Ties keep the candidates' order (passage rank, then document order).
     */
    static List<Selection.Candidate> fuse(List<Selection.Candidate> all, Map<String, Integer> passageRank, boolean asked,
                                          Set<String> reasons, int k) {
        double[] fused = new double[all.size()];
        addRanks(all, fused, k, Selection.Candidate::bm25, true);
        if (!all.isEmpty() && !Double.isNaN(all.get(0).cosine())) {
            addRanks(all, fused, k, Selection.Candidate::cosine, false);
        }
        if (asked) {
            addRanks(all, fused, k, c -> c.agreement(), true);
        }
        addRanks(all, fused, k, Selection.Candidate::coverage, true);
        if (!reasons.isEmpty()) {
            // a why-question: the sentences that give a reason ("because", "thanks to"…) rank first on this list
            addRanks(all, fused, k, c -> reasons.contains(c.sentence().key()) ? 1 : 0, true);
        }
        addRanks(all, fused, k, c -> -passageRank.get(c.passage().id()), false);
        List<Selection.Candidate> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Selection.Candidate c = all.get(i);
            out.add(new Selection.Candidate(c.sentence(), c.passage(), c.index(), c.score(), c.bm25(), c.cosine(),
                    c.agreement(), c.coverage(), fused[i], false));
        }
        out.sort(Comparator.comparingDouble(Selection.Candidate::fused).reversed());
        return out;
    }

    /**
     * Adds 1/(k + rank) of one ranking (descending {@code value}; equal values share the better rank) to each
     * candidate's fused score.
     *
     * @param positiveOnly a value of 0 or less is no evidence: such a candidate is not in this ranking
     */
    private static void addRanks(List<Selection.Candidate> all, double[] fused, int k,
                                 ToDoubleFunction<Selection.Candidate> value, boolean positiveOnly) {
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(value.applyAsDouble(all.get(b)), value.applyAsDouble(all.get(a))));
        int rank = 0;
        double previous = Double.NaN;
        for (int i = 0; i < order.length; i++) {
            double v = value.applyAsDouble(all.get(order[i]));
            if (Double.isNaN(v) || (positiveOnly && v <= 0)) {
                continue;
            }
            if (v != previous) {
                rank = i + 1;
                previous = v;
            }
            fused[order[i]] += 1.0 / (k + rank);
        }
    }

}
