package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Packing hand-made sentences: the token budget ends a passage, a table row is one, index text states labels once. */
class PassagePackerTest {

    private static Sentence sentence(int start, String quote, String display, String subject) {
        return new Sentence("doc", start, start + quote.length(), quote, display, List.of(subject), List.of(subject),
                Aspect.GENERAL, -1, false);
    }

    @Test
    void should_end_a_passage_when_the_next_sentence_would_go_over_the_budget() {
        // the heading line "Go." is 2 estimated tokens, each "Gin is small." 4: three sentences make 14, four 18
        PassagePacker packer = new PassagePacker("doc", new TokenEstimator(), 14);
        for (int i = 0; i < 5; i++) {
            packer.add(sentence(i * 10, "Gin is small", "Gin is small", i < 3 ? "Gin" : "Echo"), "Go");
        }
        List<Passage> passages = packer.passages();

        assertEquals(List.of("doc#0", "doc#1"), passages.stream().map(Passage::id).toList());
        assertEquals(List.of(3, 2), passages.stream().map(p -> p.sentences().size()).toList());
        assertEquals("Go.\nGin is small. Gin is small. Gin is small.", passages.get(0).indexText());
        assertEquals(List.of("Echo"), passages.get(1).frameworks());
        assertEquals(30, passages.get(1).start());
        assertEquals(52, passages.get(1).end(), "from its first sentence to the end of its last");
    }

    @Test
    void should_keep_at_least_one_sentence_however_long() {
        PassagePacker packer = new PassagePacker("doc", new TokenEstimator(), 1);
        packer.add(sentence(0, "A sentence far over a budget of one", "A sentence far over a budget of one", "Gin"), "");

        assertEquals("A sentence far over a budget of one.", packer.passages().get(0).indexText());
    }

    @Test
    void should_make_a_table_row_a_passage_of_its_own_with_its_column_labels() {
        PassagePacker packer = new PassagePacker("doc", new TokenEstimator(), 100);
        packer.add(sentence(0, "Prose first.", "Prose first.", "Gin"), "Picks");
        TableParser.Cell use = new TableParser.Cell("Best for", 20, 30, Aspect.FIT, "Small APIs");
        TableParser.Cell speed = new TableParser.Cell("Speed", 31, 35, Aspect.RATING, "Gin — Speed: High");
        TableParser.Row row = new TableParser.Row(13, 35, List.of("Gin"), "Gin", List.of(use, speed), false);
        List<Sentence> cells = List.of(
                new Sentence("doc", 20, 30, "Small APIs", "Small APIs", List.of("Gin"), List.of("Gin"), Aspect.FIT, 0, true),
                new Sentence("doc", 31, 35, "High", "Gin — Speed: High", List.of("Gin"), List.of("Gin"), Aspect.RATING, 0, true));
        packer.row("Picks › Gin", cells, row);
        List<Passage> passages = packer.passages();

        assertEquals(2, passages.size(), "the prose before the row ends first");
        assertEquals("Picks › Gin", passages.get(1).section());
        assertEquals("Picks › Gin.\nBest for: Small APIs. Speed: High.", passages.get(1).indexText());
    }

    @Test
    void should_state_a_lead_in_shared_by_consecutive_items_once() {
        List<Sentence> items = List.of(
                sentence(0, "Tests", "A pull request should have: Tests", "Gin"),
                sentence(10, "Docs", "A pull request should have: Docs", "Gin"));

        assertEquals("Contributing.\nA pull request should have: Tests. Docs.",
                PassagePacker.indexText("Contributing", items, List.of(), null));
    }
}
