package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TermStats#measure} answers with one match test per topic word what {@link TermStats#coverage} and
 * {@link TermStats#matched} answer separately; retrieval's gate and the composer rely on the two being equal to
 * the last bit, and both to the word-by-word definition. The real corpus's passages against topics of real
 * questions, loose matches included.
 */
@Slow // the real corpus indexed whole
class TermStatsMeasureTest {

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    private static final Corpus CORPUS = new CorpusLoader(LEXICON, new Segmenter(LEXICON)).load(Path.of("corpus"));
    private static final KeywordIndex INDEX = new KeywordIndex(CORPUS.passages());
    private static final TermStats STATS = new TermStats(INDEX, CORPUS.passages());

    /** The IDF-weighted share as the retriever has always defined it, summed word by word in topic order. */
    private static double referenceShare(List<String> topic, Set<String> terms) {
        double total = 0;
        double hit = 0;
        for (String t : topic) {
            total += STATS.idf(t);
            if (TermStats.matches(t, terms)) {
                hit += STATS.idf(t);
            }
        }
        return total == 0 ? 1 : hit / total;
    }

    @ParameterizedTest
    @ValueSource(strings = {"developer productivity and hiring for a startup", "scalability of async microservices",
            "admin panel ORM migrations batteries included", "zzqx unknownword typed realtime websocket", ""})
    void should_measure_as_coverage_and_matched_do(String question) {
        List<String> topic = INDEX.terms(question);
        double[] weights = STATS.weights(topic);
        int some = 0;
        for (Passage p : CORPUS.passages()) {
            Set<String> terms = STATS.terms(p);
            TermStats.Coverage c = STATS.measure(topic, weights, terms);
            assertEquals(referenceShare(topic, terms), c.share(), 0.0, p.id());
            assertEquals(referenceShare(topic, terms), STATS.coverage(topic, terms), 0.0, p.id());
            assertEquals(STATS.matched(topic, terms), c.matched(), p.id());
            some += c.matched() > 0 ? 1 : 0;
        }
        assertTrue(question.isEmpty() || some > 0, "some passage holds a topic word of: " + question);
    }
}
