package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Segmenter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reciprocal rank fusion over {@link PassageContent} (one instance per passage, identity equality) must rank
 * exactly as over langchain4j's own contents (equal by text and metadata), on the real corpus's passages and
 * rankings that overlap in part, as BM25's and the dense index's do.
 */
class PassageContentTest {

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    private static final List<Passage> PASSAGES =
            new CorpusLoader(LEXICON, new Segmenter(LEXICON)).load(Path.of("corpus")).passages();
    private static final Map<String, PassageContent> BY_IDENTITY =
            PASSAGES.stream().collect(Collectors.toMap(Passage::id, PassageContent::new));

    @Provide
    Arbitrary<List<Integer>> ranking() {
        // a ranking: distinct passages, drawn from the first 80 so that two rankings share many of them
        return Arbitraries.integers().between(0, Math.min(80, PASSAGES.size()) - 1).list().uniqueElements().ofMaxSize(60);
    }

    private static List<String> fused(List<Integer> a, List<Integer> b, Function<Passage, Content> content) {
        List<List<Content>> lists = List.of(a.stream().map(i -> content.apply(PASSAGES.get(i))).toList(),
                b.stream().map(i -> content.apply(PASSAGES.get(i))).toList());
        return ReciprocalRankFuser.fuse(lists, HybridRetriever.RRF_K).stream()
                .map(c -> c.textSegment().metadata().getString("passageId")).toList();
    }

    @Property(tries = 500)
    void should_fuse_as_langchain4js_contents_do(@ForAll("ranking") List<Integer> keyword, @ForAll("ranking") List<Integer> dense) {
        List<String> expected = fused(keyword, dense,
                p -> Content.from(TextSegment.from(p.indexText(), Metadata.from("passageId", p.id()))));
        assertEquals(expected, fused(keyword, dense, p -> BY_IDENTITY.get(p.id())));
    }
}
