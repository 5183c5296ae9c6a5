package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence spans of hand-made text: abbreviations kept inside, white space trimmed, long sentences capped. */
class SentenceSplitterTest {

    private static List<String> quotes(String text, List<int[]> spans) {
        return spans.stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void should_split_at_sentence_ends_but_not_after_an_abbreviation_or_initials() {
        String text = "  Gin is small, e.g. its router is one file. It ships in the U.S. and abroad.  Echo too! ";

        assertEquals(List.of("Gin is small, e.g. its router is one file.", "It ships in the U.S. and abroad.", "Echo too!"),
                quotes(text, SentenceSplitter.sentences(text, 0, text.length())));
    }

    @Test
    void should_give_offsets_into_the_whole_text_for_a_region() {
        String text = "Heading\nFirst one. Second one.";
        int from = text.indexOf("First");
        List<int[]> spans = SentenceSplitter.sentences(text, from, text.length());

        assertEquals(from, spans.get(0)[0]);
        assertEquals(List.of("First one.", "Second one."), quotes(text, spans));
    }

    @Test
    void should_cut_a_sentence_over_the_cap_at_its_last_space_before_it() {
        String word = "abcdefghi "; // 10 chars
        String text = word.repeat(50).trim() + "."; // 500 chars, one sentence
        List<int[]> pieces = SentenceSplitter.quotable(text, 0, text.length());

        assertEquals(2, pieces.size());
        assertEquals(SentenceSplitter.MAX_CHARS - 1, pieces.get(0)[1] - pieces.get(0)[0], "cut at the space before char 400");
        assertEquals(SentenceSplitter.MAX_CHARS, pieces.get(1)[0], "the next piece starts after the space");
        assertEquals(text.length(), pieces.get(1)[1]);
    }

    @Test
    void should_cut_a_sentence_without_spaces_at_the_cap_but_never_inside_a_surrogate_pair() {
        String text = "x".repeat(SentenceSplitter.MAX_CHARS - 1) + "😀" + "y".repeat(100);
        List<int[]> pieces = SentenceSplitter.capped(text, List.of(new int[] {0, text.length()}));

        assertEquals(SentenceSplitter.MAX_CHARS - 1, pieces.get(0)[1], "the emoji goes whole to the next piece");
        assertTrue(pieces.stream().allMatch(p -> p[1] - p[0] <= SentenceSplitter.MAX_CHARS));
        assertEquals(text.length(), pieces.get(pieces.size() - 1)[1]);
    }
}
