package dev.stackadvisor.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.testing.EvalText;
import dev.stackadvisor.testing.Slow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warm-up's questions ({@link WarmupQuestions} over {@link WarmupVocabulary}) from a small hand-made lexicon and
 * the bundled cue files, and when its latency counts as flat ({@link Plateau}).
 */
class WarmupQuestionsTest {

    /** Four frameworks; the corpus covers three of them. */
    private static final FrameworkLexicon LEXICON = new FrameworkLexicon(List.of(
            new Framework("Quokka", "Python", List.of("quokka"), false),
            new Framework("Wombat", "Go", List.of("wombat"), false),
            new Framework("Numbat", "Rust", List.of("numbat"), false),
            new Framework("Bilby", "Java", List.of("bilby"), false)));
    private static final Set<String> COVERED = Set.of("Quokka", "Wombat", "Bilby");
    private static final WarmupVocabulary VOCABULARY = WarmupVocabulary.bundled(LEXICON, COVERED);

    private static List<String> first(WarmupQuestions q, int n) {
        return LongStream.range(0, n).mapToObj(q::question).toList();
    }

    @Test
    void should_take_the_covered_frameworks_then_the_first_uncovered_one_and_the_cue_files_phrases() {
        assertEquals(List.of("Quokka", "Wombat", "Bilby", "Numbat"), VOCABULARY.frameworks());
        // the synonyms groups of question-cues.json's anchors: aspects, the scenario and the kinds of fact
        assertTrue(VOCABULARY.aspects().containsAll(List.of("weakness", "pros", "sweet spot", "overview")), VOCABULARY.aspects().toString());
        assertTrue(VOCABULARY.scenarios().contains("which framework"), VOCABULARY.scenarios().toString());
        assertTrue(VOCABULARY.facts().containsAll(List.of("licence", "latest version")), VOCABULARY.facts().toString());
        // a topic is a group no cue anchors
        assertTrue(VOCABULARY.topics().containsAll(List.of("kubernetes", "performance")), VOCABULARY.topics().toString());
        assertFalse(VOCABULARY.topics().contains("weakness"));
        assertFalse(VOCABULARY.topics().contains("recommend"));
    }

    @Test
    void should_name_real_frameworks_and_aspects_in_every_shape() {
        WarmupQuestions questions = WarmupQuestions.bundled(VOCABULARY);
        List<String> asked = first(questions, 700);
        int namingFramework = 0;
        int namingAspect = 0;
        for (String q : asked) {
            if (VOCABULARY.frameworks().stream().anyMatch(q::contains)) {
                namingFramework++;
            }
            if (VOCABULARY.aspects().stream().anyMatch(a -> q.contains(", " + a + "?") || q.contains(": " + a + "?"))) {
                namingAspect++;
            }
            assertFalse(q.contains("{") || q.contains("}"), "a slot left unfilled: " + q);
        }
        // of the seven bundled shapes five name a framework, the phrasing one too where it speaks of "it"; two ask
        // for an aspect by one of its cue phrases
        assertTrue(namingFramework >= 500, namingFramework + " of 700 name a framework: " + asked);
        assertTrue(namingAspect >= 200, namingAspect + " of 700 name an aspect: " + asked);
        assertTrue(new HashSet<>(asked).size() > 650, "too many repeats: " + (700 - new HashSet<>(asked).size()));
    }

    @Test
    void should_give_the_same_questions_for_the_same_data() {
        assertEquals(first(WarmupQuestions.bundled(VOCABULARY), 300),
                first(WarmupQuestions.bundled(WarmupVocabulary.bundled(LEXICON, COVERED)), 300));
    }

    @Test
    void should_never_pair_a_framework_with_itself_and_visit_every_pair_and_topic() {
        WarmupVocabulary v = new WarmupVocabulary(List.of("A", "B", "C"), List.of("t1", "t2"), List.of("cons"),
                List.of("which one"), List.of("licence"), List.of("what is it for"));
        WarmupQuestions q = new WarmupQuestions(v, List.of("{a} vs {b} for {topic}", "{phrasing}"));
        Set<String> pairs = new HashSet<>();
        for (long k = 0; k < 24; k += 2) { // 3 x 2 x 2 = 12 combinations of the first shape
            String[] words = q.question(k).split(" ");
            assertNotEquals(words[0], words[2], q.question(k));
            pairs.add(q.question(k));
        }
        assertEquals(12, pairs.size(), pairs.toString());
        // a phrasing's "it" is a framework
        Set<String> phrasings = new HashSet<>();
        for (long k = 1; k < 6; k += 2) {
            phrasings.add(q.question(k));
        }
        assertEquals(Set.of("what is A for", "what is B for", "what is C for"), phrasings);
    }

    @Test
    void should_refuse_shapes_it_cannot_fill() {
        assertThrows(IllegalArgumentException.class, () -> new WarmupQuestions(VOCABULARY, List.of("{a} and {nope}")));
        assertThrows(IllegalArgumentException.class, () -> new WarmupQuestions(VOCABULARY, List.of("{b} alone")));
        assertThrows(IllegalArgumentException.class, () -> new WarmupQuestions(VOCABULARY, List.of()));
    }

    @Test
    @Slow // ~10 s of CPU on a quiet host
    void should_hold_no_eval_question_text() {
        Set<String> runs = EvalText.runs();
        org.junit.jupiter.api.Assumptions.assumeTrue(!runs.isEmpty() || System.getenv("CI") != null,
                "skipped: " + EvalText.EVAL.toAbsolutePath() + " is not here");
        assertTrue(runs.size() > 100, "read too few eval questions: " + runs.size());
        // the real lexicon's names, so a shape that happens to spell an eval question would show
        WarmupVocabulary real = WarmupVocabulary.bundled(new FrameworkLexicon(),
                new FrameworkLexicon().frameworks().stream().map(Framework::name).toList());
        List<String> found = new ArrayList<>();
        WarmupQuestions questions = WarmupQuestions.bundled(real);
        for (long k = 0; k < 4_000_000 && found.size() < 20; k++) { // every combination of every shape
            String q = questions.question(k);
            EvalText.runsOf(q).stream().filter(runs::contains).forEach(r -> found.add(q + ": \"" + r + "\""));
        }
        assertTrue(found.isEmpty(), "eval text in warm-up questions:\n" + String.join("\n", found));
    }

    /**
     * Batch medians in, the batch at which latency counts as flat out (0 = not flat by the end), with this class's
     * tuning (5 %, patience 3, window 3 in the table; the warm-up uses patience 10).
     */
    @ParameterizedTest
    @CsvSource({
            // falling all the way: never flat
            "'20 16 13 10 8 6 5 4', 0",
            // flat from the start: the 4th batch is the 3rd without a 5 % fall
            "'10 10 10 10 10', 4",
            // 4 % a batch: each alone is under 5 %, but it adds up to a fall every second batch
            "'10 9.6 9.2 8.8 8.5 8.2 7.8 7.5 7.2 6.9', 0",
            // a one-batch spike does not move the median of three, nor does one lucky batch
            "'10 10 10 30 10 10', 4",
            "'10 10 2 10 10 10 10', 4",
            // falls, then flat: three batches after the last fall of the window's median (the 5th)
            "'20 15 10 8 8 8 8 8 8', 8"})
    void should_call_latency_flat_after_patience_batches_without_a_five_percent_fall(String medians, int flatAt) {
        Plateau plateau = new Plateau(0.05, 3, 3);
        assertEquals(flatAt, firstTrue(medians, v -> plateau.add(Double.parseDouble(v))), medians);
    }

    /** The 1-based position of the first of the space-separated {@code values} {@code add} says true to; 0 if none. */
    private static int firstTrue(String values, java.util.function.Predicate<String> add) {
        String[] each = values.split(" ");
        for (int i = 0; i < each.length; i++) {
            if (add.test(each[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Compile and wall-clock milliseconds per batch in, the batch at which the JIT counts as quiet out (0 = not by
     * the end), at 5 %, a window of 2 batches and a patience of 3.
     */
    @ParameterizedTest
    @CsvSource({
            // compiling all along: never quiet
            "'50/100 40/100 30/100 20/100 10/100', 0",
            // quiet from the start: the 3rd batch is the 3rd in a row at or under 5 %
            "'0/100 5/100 0/100 0/100', 3",
            // one burst stays in the two-batch window for two batches (20 % each) and starts the count again
            "'0/100 0/100 40/100 0/100 0/100 0/100 0/100', 7",
            // the share is of wall time: 8 ms over a 200 ms batch and a 100 ms one is 8/300, under 5 %
            "'8/200 0/100 0/100', 3"})
    void should_call_the_jit_quiet_after_patience_batches_at_or_under_the_share(String batches, int quietAt) {
        JitQuiet jit = new JitQuiet(0.05, 2, 3);
        assertEquals(quietAt, firstTrue(batches, v -> jit.add(Double.parseDouble(v.split("/")[0]),
                Double.parseDouble(v.split("/")[1]))), batches);
        assertThrows(IllegalArgumentException.class, () -> new JitQuiet(1.5, 2, 3));
    }

    @Test
    void should_take_contexts_from_the_corpus_sentences_and_leave_out_their_shapes_without_one() {
        // given passages whose first sentences are long enough, one too short, one repeated
        java.util.function.BiFunction<String, String, dev.stackadvisor.corpus.Passage> passage = (id, text) ->
                new dev.stackadvisor.corpus.Passage(id, "doc", "", 0, text.length(), text,
                        List.of(new dev.stackadvisor.corpus.Sentence("doc", 0, text.length(), text, text, List.of(),
                                List.of(), null, -1, false)), List.of());
        List<dev.stackadvisor.corpus.Passage> passages = List.of(
                passage.apply("p1", "Our billing team ships invoices to 40 clinics every night."),
                passage.apply("p2", "Too short to use."),
                passage.apply("p3", "Our billing team ships invoices to 40 clinics every night."),
                passage.apply("p4", "The warehouse app scans pallets, prints labels and syncs stock."));
        // when contexts are taken
        List<String> contexts = WarmupVocabulary.contexts(passages);
        // then each is words 2-7 of a sentence, letters only, lower case, once
        assertEquals(List.of("billing team ships invoices to clinics", "warehouse app scans pallets prints labels"),
                contexts);

        // and a shape that needs a context is asked only when there is one
        WarmupVocabulary without = new WarmupVocabulary(List.of("A", "B"), List.of("t"), List.of("cons"),
                List.of("which one"), List.of("licence"), List.of("what is it for"));
        WarmupVocabulary with = new WarmupVocabulary(without.frameworks(), without.topics(), without.aspects(),
                without.scenarios(), without.facts(), without.phrasings(), contexts);
        List<String> shapes = List.of("{a} for {topic}?", "we need {context}: {a} or {b}?");
        assertEquals(Set.of("A for t?", "B for t?"), Set.copyOf(first(new WarmupQuestions(without, shapes), 8)));
        assertTrue(first(new WarmupQuestions(with, shapes), 8).contains(
                "we need billing team ships invoices to clinics: A or B?"), first(new WarmupQuestions(with, shapes), 8).toString());
    }
}
