package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.testing.Slow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link TermStats#matches} looks only at the stems of a {@link TermSet} that share a term's first three letters;
 * it must answer exactly as the scan of every stem does (the same rule over any other {@code Set}). Checked on
 * the real corpus's stems and on generated ones from a small alphabet, where near-misses are common.
 */
@Slow // the real corpus indexed whole
@Tag(Slow.TAG) // jqwik reads its own Tag annotation for its properties, not JUnit's
class TermSetTest {

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    private static final Corpus CORPUS = new CorpusLoader(LEXICON, new Segmenter(LEXICON)).load(Path.of("corpus"));
    private static final KeywordIndex INDEX = new KeywordIndex(CORPUS.passages());

    @Test
    void should_match_every_corpus_stem_against_every_passage_as_the_scan_does() {
        TermStats stats = new TermStats(INDEX, CORPUS.passages());
        Set<String> vocabulary = new HashSet<>();
        CORPUS.passages().forEach(p -> vocabulary.addAll(stats.terms(p)));
        List<String> probes = new ArrayList<>(vocabulary.stream().sorted().toList());
        // stems the corpus lacks but that meet some of its stems loosely or nearly
        probes.addAll(INDEX.terms("developers devs harder scalability hiring startups typed websocket realtime"));
        int loose = 0;
        int checked = 0;
        for (Passage p : CORPUS.passages()) {
            Set<String> fast = stats.terms(p);
            assertTrue(fast instanceof TermSet, "passage stems are held as a TermSet");
            Set<String> scanned = new HashSet<>(fast);
            for (int i = p.id().hashCode() & 7; i < probes.size(); i += 8) { // an eighth of the probes per passage
                String term = probes.get(i);
                boolean expected = TermStats.matches(term, scanned);
                assertEquals(expected, TermStats.matches(term, fast), term + " in " + p.id());
                if (expected && !scanned.contains(term)) {
                    loose++;
                }
                checked++;
            }
        }
        assertTrue(checked > 50_000, "checked " + checked);
        assertTrue(loose > 300, "the loose rule was exercised: " + loose + " loose matches");
    }

    @Test
    void should_keep_the_rules_examples() {
        Set<String> terms = TermSet.of(List.of("develop", "harder", "scalabl", "start", "go"));
        assertTrue(TermStats.matches("dev", terms), "a stem that begins a longer one by 2+ letters");
        assertTrue(TermStats.matches("hard", terms));
        assertTrue(TermStats.matches("scale", terms), "4+ common letters and 80 % of the shorter");
        assertFalse(TermStats.matches("star", terms), "'star' must not meet 'start' (1 letter longer)");
        assertFalse(TermStats.matches("gop", terms), "stems under 3 letters never match loosely");
        assertTrue(TermStats.matches("go", terms), "exact");
    }

    @Property(tries = 2_000)
    void should_match_generated_stems_as_the_scan_does(@ForAll("stems") List<String> stems, @ForAll("stem") String term) {
        Set<String> scanned = new HashSet<>(stems);
        TermSet fast = TermSet.of(stems);
        assertEquals(scanned, fast, "same elements");
        assertEquals(TermStats.matches(term, scanned), TermStats.matches(term, fast), term + " in " + scanned);
    }

    @Provide
    Arbitrary<List<String>> stems() {
        return stem().list().ofMaxSize(40);
    }

    /** Stems of 1-9 letters over "abcs": shared prefixes, prefixes of each other and near-misses are common. */
    @Provide
    Arbitrary<String> stem() {
        return Arbitraries.strings().withChars("abcs").ofMinLength(1).ofMaxLength(9);
    }
}
