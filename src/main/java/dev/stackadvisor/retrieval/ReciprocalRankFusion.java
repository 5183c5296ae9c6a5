package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.index.ScoredPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009) of the BM25 and the dense ranking, returning each passage with
 * its fused score Σ 1/(k + rank) and its rank in each list. Ours, not langchain4j's {@code ReciprocalRankFuser},
 * because the fuser returns only the order and the fused score is read further on (the scenario recommender's
 * weights, claim picking relative to the top passage, a citation's score): asking the fuser for the order and
 * summing again for the scores would compute every sum twice. It computes exactly what
 * {@code ReciprocalRankFuser.fuse(lists, k)} computes (scores summed in list order, first-seen order kept among
 * equal scores by a stable sort): {@code ReciprocalRankFusionTest} holds the two to the same order, and
 * {@code HybridRetrieverTest} the fuser over our retrievers' {@link PassageContent}s to the retriever's order.
 * Pure and thread-safe.
 */
public final class ReciprocalRankFusion {

    private final int k;

    /**
     * @param k RRF's k, at least 1: a passage at rank r (1-based) of a list adds 1/(k + r); langchain4j's and the
     *          paper's default is 60
     * @throws IllegalArgumentException for k below 1
     */
    public ReciprocalRankFusion(int k) {
        this.k = TuningFile.inRange("rrfK", k, 1, Integer.MAX_VALUE);
    }

    private static final class Fused {
        final Passage passage;
        double score;
        int keywordRank;
        int denseRank;

        Fused(Passage passage) {
            this.passage = passage;
        }
    }

    /**
     * Fuses two rankings and keeps the first {@code limit}.
     *
     * @param keyword the BM25 ranking, best first
     * @param dense   the dense ranking, best first; empty in keyword mode
     * @param limit   most passages returned, at least 0
     * @return best first: by fused score, ties in the order the passages were first seen (keyword list first)
     */
    public List<RankedPassage> fuse(List<ScoredPassage> keyword, List<ScoredPassage> dense, int limit) {
        Map<String, Fused> byId = new LinkedHashMap<>();
        add(keyword, byId, true);
        add(dense, byId, false);
        List<Fused> ranked = new ArrayList<>(byId.values());
        ranked.sort(Comparator.comparingDouble((Fused f) -> f.score).reversed());
        List<RankedPassage> out = new ArrayList<>(Math.min(limit, ranked.size()));
        for (Fused f : ranked) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new RankedPassage(f.passage, f.score, f.keywordRank, f.denseRank));
        }
        return out;
    }

    private void add(List<ScoredPassage> list, Map<String, Fused> byId, boolean keyword) {
        for (int i = 0; i < list.size(); i++) {
            Passage p = list.get(i).passage();
            Fused f = byId.computeIfAbsent(p.id(), id -> new Fused(p));
            f.score = f.score + 1.0 / (k + i + 1);
            if (keyword && f.keywordRank == 0) {
                f.keywordRank = i + 1;
            } else if (!keyword && f.denseRank == 0) {
                f.denseRank = i + 1;
            }
        }
    }
}
