package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table whose cells are joined by spaces (a web page's table captured as text): each row is stated as two cells,
 * the frameworks for its label and the text after them, never quoted as one glued row. Hand-made text, no MiniLM.
 */
class SpacedTableTest {

    private static final String TEXT = """
            Picking by workload

            Workload Our pick Why
            Internal admin tools Django, Laravel Admin screens and auth out of the box
            Streaming dashboards Go (Gin/Echo), Elixir, Node.js Cheap concurrency, steady latency
            Typed public APIs Spring Boot, Go, NestJS Contracts, modules and long-term maintenance

            After the table comes prose. It names Django once more.
            """;

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final List<Passage> passages = new Segmenter(lexicon)
            .segment(new Document("picks", "Picks", null, null, null, null, TEXT));

    private List<Sentence> sentences() {
        return passages.stream().flatMap(p -> p.sentences().stream()).toList();
    }

    @Test
    void should_state_each_row_as_its_frameworks_and_the_text_after_them() {
        List<String> shown = sentences().stream().filter(Sentence::tableCell).map(Sentence::display).toList();

        assertEquals(List.of(
                "Internal admin tools: Django, Laravel",
                "Internal admin tools, Django, Laravel — Admin screens and auth out of the box",
                "Streaming dashboards: Go (Gin/Echo), Elixir, Node.js",
                "Streaming dashboards, Go (Gin/Echo), Elixir, Node.js — Cheap concurrency, steady latency",
                "Typed public APIs: Spring Boot, Go, NestJS",
                "Typed public APIs, Spring Boot, Go, NestJS — Contracts, modules and long-term maintenance"), shown);
    }

    @Test
    void should_never_quote_a_row_as_one_glued_line() {
        sentences().forEach(s -> assertFalse(s.quote().startsWith("Internal admin tools Django"), s.quote()));
        Sentence cell = sentences().stream().filter(s -> s.display().startsWith("Streaming dashboards:")).findFirst()
                .orElseThrow();
        assertEquals("Go (Gin/Echo), Elixir, Node.js", cell.quote(), "the cell is quoted verbatim, alone");
        assertTrue(cell.subjects().containsAll(List.of("Gin", "Echo", "Node.js")), cell.subjects().toString());
    }

    @Test
    void should_leave_prose_after_the_table_as_prose() {
        assertTrue(sentences().stream().anyMatch(s -> !s.tableCell() && s.quote().equals("After the table comes prose.")));
    }
}
