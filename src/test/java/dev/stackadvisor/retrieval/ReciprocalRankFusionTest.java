package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * and, on random overlapping rankings, the same order as langchain4j's {@link ReciprocalRankFuser} (the reference).
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
    void should_order_as_langchain4js_fuser(@ForAll("ranking") String keyword, @ForAll("ranking") String dense) {
        List<List<Content>> lists = new ArrayList<>();
        lists.add(contents(keyword));
        if (!dense.isEmpty()) {
            lists.add(contents(dense));
        }
        StringBuilder expected = new StringBuilder();
        ReciprocalRankFuser.fuse(lists, 60).forEach(c -> expected.append(c.textSegment().metadata().getString("id")));
        assertEquals(expected.toString(), ids(FUSION.fuse(ranking(keyword), ranking(dense), 100)));
    }

    private static List<Content> contents(String ids) {
        return ids.chars().mapToObj(c -> {
            Passage p = CORPUS.passage(String.valueOf((char) c));
            return Content.from(TextSegment.from(p.indexText(), Metadata.from("id", p.documentId())));
        }).toList();
    }
}
