package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tagging hand-made sentences with their subjects, aspect and how an answer states them. */
class SentenceTaggerTest {

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final Sections sections = new Sections(lexicon, new AspectClassifier(), List.of());

    private SentenceTagger tagger(String text, boolean laidOut) {
        return new SentenceTagger(new Document("doc", "Doc", null, null, null, null, text), lexicon,
                new SubjectResolver(lexicon), new AspectClassifier(), new Cleaning(), sections, laidOut);
    }

    @Test
    void should_make_prose_about_the_section_and_take_its_aspect_from_the_sub_heading() {
        String text = "It ships an admin. However, it is heavy for tiny services.";
        sections.guessed("Django", false);
        sections.contentAdded();
        sections.guessed("Strengths", false);
        List<Sentence> out = tagger(text, false).sentences(0, text.length(), -1, null, null);

        assertEquals(List.of("It ships an admin.", "However, it is heavy for tiny services."), out.stream().map(Sentence::quote).toList());
        assertEquals("It is heavy for tiny services.", out.get(1).display(), "a leading connective is not stated");
        out.forEach(s -> assertEquals(List.of("Django"), s.subjects()));
        out.forEach(s -> assertEquals(Aspect.STRENGTH, s.aspect()));
        assertEquals(List.of("Django"), sections.lastSubjects());
    }

    @Test
    void should_leave_out_furniture_and_state_an_item_with_its_lead_in() {
        String text = "Share this article";
        assertEquals(List.of(), tagger(text, true).sentences(0, text.length(), 0, null, null));

        String item = "Unit tests";
        Sentence s = tagger(item, true).sentences(0, item.length(), 3, "A pull request should have:", null).get(0);
        assertEquals("A pull request should have: Unit tests", s.display());
        assertEquals("Unit tests", s.quote());
        assertEquals(3, s.listGroup());
    }

    @Test
    void should_make_the_items_a_sentence_introduces_about_its_subject_in_a_laid_out_document() {
        String text = "Hono runs on these runtimes:\n- Bun\n- Deno";
        SentenceTagger tagger = tagger(text, true);
        tagger.sentences(0, text.indexOf('\n'), -1, null, null);
        int bun = text.indexOf("Bun");
        Sentence item = tagger.sentences(bun, bun + 3, 0, null, null).get(0);

        assertEquals(List.of("Hono"), item.subjects());
        assertEquals(List.of("Bun"), item.mentions());

        tagger.endIntroduction();
        Sentence after = tagger.sentences(bun, bun + 3, 1, null, null).get(0);
        assertEquals(List.of("Bun"), after.subjects(), "once the list ended, a name is its own subject");
    }

    @Test
    void should_state_a_short_list_with_the_sentence_that_introduces_it() {
        String text = "Hono runs on these runtimes:\n- Bun\n- Deno";
        SentenceTagger.ListTail tail = new SentenceTagger.ListTail(text.length(), 3, List.of("Bun", "Deno"));
        Sentence s = tagger(text, true).sentences(0, text.indexOf('\n'), -1, null, tail).get(0);

        assertEquals("Hono runs on these runtimes: Bun, Deno", s.display());
        assertEquals(text.length(), s.end(), "the quote spans the list");
        assertEquals(List.of("Hono"), s.subjects());
    }

    @Test
    void should_tag_each_table_cell_with_the_rows_frameworks() {
        String text = "| Gin | Small APIs |";
        TableParser.Cell cell = new TableParser.Cell("Best for", 8, 18, Aspect.FIT, "Small APIs");
        TableParser.Row row = new TableParser.Row(2, 18, List.of("Gin"), "Gin", List.of(cell), false);
        Sentence s = tagger(text, false).cells(row, 7).get(0);

        assertEquals("Small APIs", s.quote());
        assertEquals(List.of("Gin"), s.subjects());
        assertEquals(7, s.listGroup());
        assertEquals(true, s.tableCell());
    }
}
