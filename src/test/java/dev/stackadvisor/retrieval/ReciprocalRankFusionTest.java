package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.index.ScoredPassage;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reciprocal rank fusion with k = 60: fused scores against sums written out by hand, ties kept in first-seen order,
 * and, on random overlapping rankings, the same order as langchain4j's {@link ReciprocalRankFuser} (the reference),
 * with the scores and ranks the fuser does not return falling along it.
 */
class ReciprocalRankFusionTest {

    private static final HandCorpus CORPUS = corpus();
    private static final ReciprocalRankFusion FUSION = new ReciprocalRankFusion(60);

    private static HandCorpus corpus() {
        List<HandCorpus.Text> texts = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            texts.add(new HandCorpus.Text(String.valueOf(c), List.of(), Aspect.GENERAL, "passage " + c));
        }
        return new HandCorpus(texts.toArray(HandCorpus.Text[]::new));
    }

    private static List<ScoredPassage> ranking(String ids) {
        return ids.isBlank() ? List.of()
                : ids.chars().mapToObj(c -> new ScoredPassage(CORPUS.passage(String.valueOf((char) c)), 1)).toList();
    }

    private static String ids(List<RankedPassage> fused) {
        StringBuilder b = new StringBuilder();
        fused.forEach(r -> b.append(r.passage().documentId()));
        return b.toString();
    }

    @ParameterizedTest(name = "bm25 {0} + dense {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        // keyword | dense | fused order | score of the first, as a sum written out | its keyword rank | its dense rank
        "abc       | ''    | abc         | 0.01639344262295082  | 1 | 0",       // 1/61
        "abc       | cab   | acb         | 0.032522474881015336 | 1 | 2",       // 1/61 + 1/62
        "ab        | ba    | ab          | 0.032522474881015336 | 1 | 2",       // a and b tie at 1/61 + 1/62: a was seen first
        "abcd      | dcba  | adbc        | 0.03201844262295082  | 1 | 4",       // a, d tie at 1/61 + 1/64, above b, c at 1/62 + 1/63
        "ab        | cd    | acbd        | 0.01639344262295082  | 1 | 0",       // a, c tie at 1/61; b, d at 1/62
    })
    void should_fuse_two_rankings_with_reciprocal_rank_scores(String keyword, String dense, String order, double first,
                                                             int keywordRank, int denseRank) {
        List<RankedPassage> fused = FUSION.fuse(ranking(keyword), ranking(dense), 10);
        assertEquals(order, ids(fused).substring(0, order.length()));
        assertEquals(first, fused.get(0).score(), 1e-15);
        assertEquals(keywordRank, fused.get(0).keywordRank());
        assertEquals(denseRank, fused.get(0).denseRank());
    }

    @Test
    void should_keep_only_the_first_limit_passages() {
        assertEquals("ab", ids(FUSION.fuse(ranking("abc"), ranking("bac"), 2)));
        assertEquals("", ids(FUSION.fuse(ranking("abc"), ranking(""), 0)));
    }

    @Test
    void should_refuse_a_k_below_one() {
        assertThrows(IllegalArgumentException.class, () -> new ReciprocalRankFusion(0));
    }

    @Provide
    Arbitrary<String> ranking() {
        // distinct passages drawn from 26 so that two rankings share many, as BM25's and the dense index's do
        return Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(20)
                .map(s -> s.chars().distinct().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Property(tries = 500)
    void should_order_as_langchain4js_fuser_with_the_scores_and_ranks_it_does_not_return(
            @ForAll("ranking") String keyword, @ForAll("ranking") String dense) {
        List<List<Content>> lists = new ArrayList<>();
        lists.add(contents(keyword));
        if (!dense.isEmpty()) {
            lists.add(contents(dense));
        }
        StringBuilder expected = new StringBuilder();
        ReciprocalRankFuser.fuse(lists, 60).forEach(c -> expected.append(c.textSegment().metadata().getString("id")));

        List<RankedPassage> fused = FUSION.fuse(ranking(keyword), ranking(dense), 100);

        assertEquals(expected.toString(), ids(fused));
        for (int i = 0; i < fused.size(); i++) {
            RankedPassage r = fused.get(i);
            String id = r.passage().documentId();
            int kr = keyword.indexOf(id) + 1;
            int dr = dense.indexOf(id) + 1;
            assertEquals(kr, r.keywordRank(), id);
            assertEquals(dr, r.denseRank(), id);
            // summed in list order, as the fuser sums: the same double, not merely a close one
            assertEquals((kr > 0 ? 1.0 / (60 + kr) : 0) + (dr > 0 ? 1.0 / (60 + dr) : 0), r.score(), 0.0, id);
            if (i > 0) {
                assertTrue(fused.get(i - 1).score() >= r.score(), "scores fall along the fuser's order");
            }
        }
    }

    @Test
    void should_keep_two_passages_with_the_same_words_apart_in_ours_and_in_langchain4js_fuser() {
        // langchain4j's Content equality is its text segment's: the ids PassageContent puts in it keep these two apart
        HandCorpus twins = new HandCorpus(new HandCorpus.Text("x", List.of(), Aspect.GENERAL, "same words"),
                new HandCorpus.Text("y", List.of(), Aspect.GENERAL, "same words"));
        List<ScoredPassage> keyword = List.of(new ScoredPassage(twins.passage("x"), 2));
        List<ScoredPassage> dense = List.of(new ScoredPassage(twins.passage("y"), 0.5));

        List<RankedPassage> ours = FUSION.fuse(keyword, dense, 10);
        List<Content> theirs = ReciprocalRankFuser.fuse(List.of(PassageContent.of(keyword), PassageContent.of(dense)), 60);

        assertEquals(List.of("x#0", "y#0"), ours.stream().map(r -> r.passage().id()).toList());
        assertEquals(List.of("x#0", "y#0"), theirs.stream().map(PassageContent::passageId).toList());
        assertEquals(1.0 / 61, ours.get(1).score(), 0.0);
        assertEquals(1, ours.get(1).denseRank());
        assertEquals(0, ours.get(1).keywordRank());
    }

    private static List<Content> contents(String ids) {
        return ids.chars().mapToObj(c -> {
            Passage p = CORPUS.passage(String.valueOf((char) c));
            return Content.from(TextSegment.from(p.indexText(), Metadata.from("id", p.documentId())));
        }).toList();
    }
}
