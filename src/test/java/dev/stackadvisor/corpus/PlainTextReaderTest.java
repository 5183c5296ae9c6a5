package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Layout.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plain-text reader guesses the same {@link Layout} a parser gives Markdown: each line of a small hand-made
 * capture gets its kind (and a heading its level), lines broken inside a sentence are joined first.
 */
class PlainTextReaderTest {

    private static final String TEXT = """
            Choosing a Framework
            Share this article
            const app = express();
            NestJS suits large teams that want one way to lay out modules and
            structure from the first day of the project.
            - Fast startup
            - Small memory

            Strengths
            Django ships with an admin and an ORM.
            Our footer line repeated on every page
            Strengths
            | Framework | Best for |
            | Gin | Small APIs |

            Workload Our pick Why
            Internal admin tools Django, Laravel Admin screens and auth out of the box
            Typed public APIs Spring Boot, Go, NestJS Contracts, modules and long-term maintenance
            1. NestJS""";

    private final PlainTextReader reader = new PlainTextReader(new TextTables(new FrameworkLexicon()));
    private final PlainTextReader.Reading read = reader.read(TEXT, new Cleaning(),
            Set.of("our footer line repeated on every page"));

    private List<String> shapes() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < read.lines().size(); i++) {
            out.add(read.layout().kinds().get(i) + "/" + read.layout().levels().get(i) + " " + read.lines().get(i).trimmed());
        }
        return out;
    }

    @Test
    void should_give_each_line_its_kind() {
        assertEquals(List.of(
                "HEADING/8 Choosing a Framework",
                "DROPPED/0 Share this article",
                "DROPPED/0 const app = express();",
                "PARAGRAPH/0 NestJS suits large teams that want one way to lay out modules and\n"
                        + "structure from the first day of the project.",
                "ITEM/1 - Fast startup",
                "ITEM/1 - Small memory",
                "BLANK/0 ",
                "HEADING/9 Strengths",
                "PARAGRAPH/0 Django ships with an admin and an ORM.",
                "DROPPED/0 Our footer line repeated on every page",
                "HEADING/9 Strengths",
                "TABLE/0 | Framework | Best for |",
                "TABLE/0 | Gin | Small APIs |",
                "BLANK/0 ",
                "TEXT_TABLE/0 Workload Our pick Why",
                "TEXT_TABLE/0 Internal admin tools Django, Laravel Admin screens and auth out of the box",
                "TEXT_TABLE/0 Typed public APIs Spring Boot, Go, NestJS Contracts, modules and long-term maintenance",
                "HEADING/8 1. NestJS"), shapes());
    }

    @Test
    void should_mark_the_layout_as_guessed() {
        assertTrue(read.layout().guessed());
        assertEquals(read.lines().size(), read.layout().kinds().size());
    }

    @Test
    void should_join_a_line_broken_inside_a_sentence_but_not_one_before_a_bullet() {
        String text = "Gin keeps handlers small and\nfast to test.\nIts router is\n- a radix tree";
        List<Line> joined = PlainTextReader.joinWrapped(text, Line.of(text));

        assertEquals(List.of("Gin keeps handlers small and\nfast to test.", "Its router is", "- a radix tree"),
                joined.stream().map(Line::trimmed).toList());
        assertEquals(0, joined.get(0).start());
        assertEquals(text.indexOf("Its"), joined.get(1).start());
    }

    @Test
    void should_count_a_heading_and_its_caption_once() {
        String text = "Go\nGo\nGo is fast.\nGin\nGin is small.";
        PlainTextReader.Reading r = reader.read(text, new Cleaning(), Set.of());

        assertEquals(List.of(Kind.HEADING, Kind.HEADING, Kind.PARAGRAPH, Kind.HEADING, Kind.PARAGRAPH), r.layout().kinds());
        assertEquals(List.of(Layout.GUESSED_LEVEL, Layout.GUESSED_LEVEL, 0, Layout.GUESSED_LEVEL, 0), r.layout().levels());
    }
}
