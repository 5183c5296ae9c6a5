package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Words} replaces regex calls answers made many times; it must give exactly what they gave, for any text:
 * the white space {@code \s} knows, the control characters {@code trim()} removes but {@code \s} does not, and
 * the Unicode spaces neither treats as white space.
 */
class WordsTest {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab .\t\n\u000B\f\r\u001F\u0001\u00A0\u2009é").ofMaxLength(40);
    }

    @Property(tries = 3_000)
    void should_count_as_trim_and_split_do(@ForAll("texts") String text) {
        assertEquals(text.trim().split("\\s+").length, Words.count(text), () -> "'" + text + "'");
    }

    @Property(tries = 3_000)
    void should_fold_as_replace_all_does(@ForAll("texts") String text) {
        assertEquals(text.replaceAll("\\s+", " "), Words.fold(text));
    }

    @Test
    void should_count_the_words_of_a_sentence() {
        assertEquals(5, Words.count("  FastAPI suits\tML model\nserving. "));
        assertEquals(1, Words.count("   "), "as split gives: one empty word (callers test isBlank first)");
    }
}
