package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A hand-made table whose cells a capture ran together: each cell quoted alone, ratings one by one. */
class TextTablesTest {

    private static final String TEXT = """
            FrameworkBest forSpeedScalabilityNotes
            GinSmall APIsHighHighFast to learn
            DjangoAdmin-heavy appsModerateHighBatteries included
            After the table, prose.""";

    private final TextTables tables = new TextTables(new FrameworkLexicon());

    @Test
    void should_read_a_flattened_table_cell_by_cell() {
        TableParser.Table table = tables.read(TEXT, Line.of(TEXT), 0).orElseThrow();

        assertEquals(3, table.nextLine(), "the prose after it is not a row");
        assertEquals(List.of("Gin", "Django"), table.rows().stream().map(TableParser.Row::frameworkCell).toList());
        TableParser.Row gin = table.rows().get(0);
        assertEquals(List.of("Small APIs", "High", "High", "Fast to learn"),
                gin.cells().stream().map(c -> TEXT.substring(c.start(), c.end())).toList());
        assertEquals(List.of("Small APIs", "Gin — Speed: High", "Gin — Scalability: High", "Notes: Fast to learn"),
                gin.cells().stream().map(TableParser.Cell::display).toList());
        assertEquals(Aspect.RATING, gin.cells().get(1).aspect());
    }

    @Test
    void should_not_take_prose_or_a_pipe_row_for_a_table_header() {
        String prose = "Gin is small and fast.\nIt has a router.";
        assertTrue(tables.read(prose, Line.of(prose), 0).isEmpty());
        String pipe = "| Framework | Speed |\n| Gin | High |";
        assertTrue(tables.read(pipe, Line.of(pipe), 0).isEmpty());
    }
}
