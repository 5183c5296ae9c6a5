package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackadvisor.corpus.FrameworkLexicon;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Misspelt framework names, read with Lucene's Levenshtein automata: pure, no corpus and no model. */
class NameSpellerTest {

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    /** Stands in for the corpus vocabulary: words that are words. */
    private static final Set<String> WORDS = Set.of("nested", "express", "spring", "fasten", "rocket", "docker", "expression");
    private static final NameSpeller SPELLER = new NameSpeller(LEXICON, WORDS::contains);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "djnago vs flask|django vs flask", "expres or fastfy for a high-speed api|express or fastify for a high-speed api",
            "is sprng boot good for banking?|is spring boot good for banking?", "nestjss vs fast-api|nestjs vs fast-api",
            "laravell or djangoo for an online shop?|laravel or django for an online shop?", "flsk weak points|flask weak points"})
    void should_read_a_misspelt_name_as_the_name(String question, String read) {
        assertEquals(read, SPELLER.correct(question, LEXICON));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nested routes in fastapi",      // a word, though two edits from nestjs
            "docker images for rust apis",   // a word; and the first letter differs from rocket
            "git hooks for gin",             // three-letter names are never guessed: git is one edit from gin
            "the quick brown fox",           // nothing near any name
            "express delivery"})             // spelt right already
    void should_leave_words_and_names_alone(String question) {
        assertEquals(question, SPELLER.correct(question, LEXICON));
    }

    @ParameterizedTest(name = "{0}: {1} letters allow {2} edits")
    @CsvSource({"echo, 4, 1", "flask, 5, 1", "django, 6, 2", "laravel, 7, 2"})
    void should_allow_one_edit_up_to_five_letters_and_two_above(String name, int length, int edits) {
        assertEquals(length, name.length());
        assertEquals(edits, NameSpeller.maxEdits(length));
    }
}
