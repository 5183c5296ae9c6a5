package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Answer selection's reciprocal rank fusion on hand-made candidates: exact scores, shared ranks, ties kept in order, and
 * where langchain4j's {@link ReciprocalRankFuser} (positional ranks) would order them otherwise.
 */
class CandidateFusionTest {

    private static Selection.Candidate candidate(String id, double bm25, double cosine, int agreement, double coverage) {
        Sentence s = new Sentence(id, 0, 1, id, id, List.of(), List.of(), Aspect.GENERAL, -1, false);
        Passage p = new Passage(id + "#0", id, "", 0, 1, id, List.of(s), List.of());
        return new Selection.Candidate(s, p, 0, 0, bm25, cosine, agreement, coverage, 0, false);
    }

    @Test
    void should_add_one_over_k_plus_rank_per_ranking_with_equal_values_sharing_the_better_rank() {
        Selection.Candidate a = candidate("a", 3.0, 0.2, 1, 1.0);
        Selection.Candidate b = candidate("b", 1.0, 0.6, 1, 1.0);
        Selection.Candidate c = candidate("c", 0.0, 0.4, 0, 0.5);
        Map<String, Integer> passageRank = Map.of("a#0", 2, "b#0", 1, "c#0", 3);

        List<Selection.Candidate> fused = CandidateFusion.fuse(List.of(a, b, c), passageRank, true, Set.of(), 10);

        // a: bm25 1, cosine 3, agreement 1 (shared), coverage 1 (shared), passage 2
        double fa = 1.0 / 11 + 1.0 / 13 + 1.0 / 11 + 1.0 / 11 + 1.0 / 12;
        // b: bm25 2, cosine 1, agreement 1, coverage 1, passage 1
        double fb = 1.0 / 12 + 1.0 / 11 + 1.0 / 11 + 1.0 / 11 + 1.0 / 11;
        // c: no BM25 (0 is no evidence), cosine 2, no agreement, coverage 3, passage 3
        double fc = 1.0 / 12 + 1.0 / 13 + 1.0 / 13;
        assertEquals(List.of("b", "a", "c"), fused.stream().map(x -> x.sentence().documentId()).toList());
        assertEquals(fb, fused.get(0).fused(), 1e-12);
        assertEquals(fa, fused.get(1).fused(), 1e-12);
        assertEquals(fc, fused.get(2).fused(), 1e-12);
    }

    @Test
    void should_rank_the_sentences_that_give_a_reason_first_for_a_why_question() {
        Selection.Candidate a = candidate("a", 2.0, Double.NaN, 0, 1.0);
        Selection.Candidate b = candidate("b", 2.0, Double.NaN, 0, 1.0);
        Map<String, Integer> passageRank = Map.of("a#0", 1, "b#0", 1);

        List<Selection.Candidate> plain = CandidateFusion.fuse(List.of(a, b), passageRank, false, Set.of(), 20);
        List<Selection.Candidate> why = CandidateFusion.fuse(List.of(a, b), passageRank, false, Set.of("b:0"), 20);

        assertEquals("a", plain.get(0).sentence().documentId(), "equal candidates keep their order");
        assertEquals("b", why.get(0).sentence().documentId());
    }

    @Test
    void should_let_equal_values_share_a_rank_where_langchain4js_fuser_ranks_by_position() {
        // given a and b equal on BM25 and on passage rank, b ahead on coverage
        Selection.Candidate a = candidate("a", 2.0, Double.NaN, 0, 0.5);
        Selection.Candidate b = candidate("b", 2.0, Double.NaN, 0, 1.0);
        Map<String, Integer> passageRank = Map.of("a#0", 1, "b#0", 1);
        List<Selection.Candidate> all = List.of(a, b);

        // when: ours shares the ranks of equal values; the fuser is given the same three rankings, sorted stably
        List<Selection.Candidate> ours = CandidateFusion.fuse(all, passageRank, false, Set.of(), 20);
        List<Content> theirs = ReciprocalRankFuser.fuse(List.of(
                sorted(all, Selection.Candidate::bm25), sorted(all, Selection.Candidate::coverage),
                sorted(all, c -> -passageRank.get(c.passage().id()))), 20);

        // then coverage decides ours (b: 3/21, a: 2/21 + 1/22); the fuser's first place in the two tied rankings,
        // handed to whichever came first, outweighs it (a: 2/21 + 1/22, b: 1/21 + 2/22)
        assertEquals(List.of("b", "a"), ours.stream().map(x -> x.sentence().documentId()).toList());
        assertEquals(3.0 / 21, ours.get(0).fused(), 1e-12);
        assertEquals(List.of("a", "b"), theirs.stream().map(c -> c.textSegment().text()).toList());
    }

    /** The candidates as langchain4j contents, by descending value, ties in their order. */
    private static List<Content> sorted(List<Selection.Candidate> all, ToDoubleFunction<Selection.Candidate> value) {
        return all.stream().sorted(Comparator.comparingDouble(value).reversed())
                .map(c -> Content.from(c.sentence().display())).toList();
    }
}
