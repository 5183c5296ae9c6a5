package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads pipe tables, one row a line ({@code | Gin | Go | Small APIs |}), as rows of labelled cells with char
 * offsets; Markdown's separator row ({@code |---|:---:|}) is dropped.
 * <ul>
 *   <li>rows of the header's width: cells aligned by position, empty ones kept in place. When the header names a
 *       framework per column and the first column does not, the table is read column by column (a row per
 *       framework, each cell labelled "framework — row label");</li>
 *   <li>cells split across lines (a capture that broke each cell onto its own line): cells are read as one
 *       stream and cut into rows of the header's width.</li>
 * </ul>
 * Each cell is quoted alone (its own offsets) and stated with what it is about (see {@code stated}). Tables a
 * plain-text capture ran together are {@link TextTables}'.
 */
final class TableParser {

    /** The rating words comparison tables use, longest first so "Moderate-High" is not read as "Moderate" (data). */
    static final String RATING = ReadingCues.BUNDLED.ratings();

    /** A cell: its column header, char span in the document, what it says and how an answer states it. */
    record Cell(String column, int start, int end, Aspect aspect, String display) {
    }

    /**
     * A row: its span, the frameworks its framework cell names, and its other cells. {@code ownNamesOnly}: its
     * cells are tagged with the row's frameworks alone, not with names their text mentions (a column-per-framework
     * table's row label "Spring AI / AI SDKs" must not make Quarkus's cell Spring Boot's).
     */
    record Row(int start, int end, List<String> subjects, String frameworkCell, List<Cell> cells, boolean ownNamesOnly) {
    }

    /** A parsed table and the index of the first line after it. */
    record Table(List<Row> rows, int nextLine) {
    }

    private final FrameworkLexicon lexicon;
    private final AspectClassifier aspects;

    TableParser(FrameworkLexicon lexicon, AspectClassifier aspects) {
        this.lexicon = lexicon;
        this.aspects = aspects;
    }

    static boolean startsPipeTable(String trimmed) {
        return trimmed.startsWith("|") && trimmed.length() > 1;
    }

    /**
     * The index of the first line after the pipe table starting at {@code lines.get(first)}: the table runs while
     * lines start or end with '|'.
     */
    static int pipeTableEnd(List<Line> lines, int first) {
        int i = first;
        while (i < lines.size() && isPipeLine(lines.get(i).trimmed())) {
            i++;
        }
        return i;
    }

    private static boolean isPipeLine(String t) {
        return !t.isEmpty() && (t.startsWith("|") || t.endsWith("|"));
    }

    /** Parses the pipe table whose first line is {@code lines.get(first)}. */
    Table pipeTable(String text, List<Line> lines, int first) {
        int i = first;
        List<List<int[]>> lineCells = new ArrayList<>();
        while (i < lines.size()) {
            Line line = lines.get(i);
            String t = line.trimmed();
            if (!isPipeLine(t)) {
                break;
            }
            List<int[]> cells = new ArrayList<>();
            int cellStart = line.start();
            for (int p = line.start(); p <= line.end(); p++) {
                if (p == line.end() || text.charAt(p) == '|') {
                    cells.add(trim(text, cellStart, p));
                    cellStart = p + 1;
                }
            }
            // the outer pipes leave an empty piece before the first and after the last cell
            if (t.startsWith("|")) {
                cells.remove(0);
            }
            if (t.endsWith("|") && !cells.isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            if (!isSeparator(text, cells)) {
                lineCells.add(cells);
            }
            i++;
        }
        if (isGrid(lineCells)) {
            return gridTable(text, lineCells, i);
        }
        List<int[]> cells = new ArrayList<>();
        int firstLineCells = -1;
        for (List<int[]> line : lineCells) {
            int before = cells.size();
            line.stream().filter(span -> span[1] > span[0]).forEach(cells::add);
            if (firstLineCells < 0) {
                firstLineCells = cells.size() - before;
            }
        }
        int width = firstLineCells >= 2 ? firstLineCells : headerWidth(text, cells);
        if (width < 2 || cells.size() < 2 * width) {
            return new Table(List.of(), i);
        }
        List<int[]> header = cells.subList(0, width);
        List<List<int[]>> rows = new ArrayList<>();
        for (int r = width; r + width <= cells.size(); r += width) {
            rows.add(cells.subList(r, r + width));
        }
        return new Table(rowsPerFramework(text, header, rows), i);
    }

    /** A Markdown separator row ({@code |---|:---:|}) is layout, never data. */
    private static boolean isSeparator(String text, List<int[]> cells) {
        return !cells.isEmpty() && cells.stream().allMatch(c -> SEPARATOR.matcher(text.substring(c[0], c[1])).matches());
    }

    private static final Pattern SEPARATOR = Pattern.compile(":?-{3,}:?");

    /** Every line a row of the same width, at least a header and one row: cells are aligned by position. */
    private static boolean isGrid(List<List<int[]>> lineCells) {
        if (lineCells.size() < 2 || lineCells.get(0).size() < 2) {
            return false;
        }
        int width = lineCells.get(0).size();
        return lineCells.stream().allMatch(l -> l.size() == width);
    }

    /**
     * A table whose rows are aligned. When its header names a framework per column ("| | Spring Boot 3.3 |
     * Quarkus 3.11 |") and its first column does not, it is read column by column: each framework's column
     * becomes its row, each cell labelled "framework — row label".
     */
    private Table gridTable(String text, List<List<int[]>> lineCells, int next) {
        List<int[]> header = lineCells.get(0);
        List<List<int[]>> rows = lineCells.subList(1, lineCells.size());
        int width = header.size();
        int namedColumns = 0;
        for (int c = 1; c < width; c++) {
            if (lexicon.names(slice(text, header.get(c))).size() == 1) {
                namedColumns++;
            }
        }
        int namedRows = 0;
        for (List<int[]> row : rows) {
            if (!lexicon.names(slice(text, row.get(0))).isEmpty()) {
                namedRows++;
            }
        }
        boolean perColumn = namedColumns >= 2 && namedColumns * 2 >= width - 1 && namedRows * 2 < rows.size()
                && !slice(text, header.get(0)).toLowerCase().contains("framework");
        return new Table(perColumn ? columnsPerFramework(text, header, rows) : rowsPerFramework(text, header, rows), next);
    }

    /** A row per framework: its framework cell (the "Framework" column, else the first) and its other cells. */
    private List<Row> rowsPerFramework(String text, List<int[]> headerCells, List<List<int[]>> data) {
        int width = headerCells.size();
        List<String> header = new ArrayList<>();
        for (int[] cell : headerCells) {
            header.add(slice(text, cell));
        }
        int frameworkColumn = 0;
        for (int c = 0; c < width; c++) {
            if (header.get(c).toLowerCase().contains("framework")) {
                frameworkColumn = c;
                break;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<int[]> cells : data) {
            String name = slice(text, cells.get(frameworkColumn));
            List<Cell> rowCells = new ArrayList<>();
            int rowStart = Integer.MAX_VALUE;
            int rowEnd = 0;
            for (int c = 0; c < width; c++) {
                int[] span = cells.get(c);
                if (span[1] <= span[0]) {
                    continue; // an empty cell says nothing
                }
                rowStart = Math.min(rowStart, span[0]);
                rowEnd = Math.max(rowEnd, span[1]);
                if (c == frameworkColumn) {
                    continue;
                }
                // a "Language" cell restates what the lexicon knows; it indexes the row but is not a claim
                Aspect aspect = aspects.label(header.get(c)).filter(a -> a != Aspect.OVERVIEW).orElse(Aspect.GENERAL);
                String value = slice(text, span);
                rowCells.add(new Cell(header.get(c), span[0], span[1], aspect,
                        aspect == Aspect.GENERAL ? stated(name, header.get(c), value, width) : value));
            }
            if (!rowCells.isEmpty()) {
                rows.add(new Row(rowStart, rowEnd, lexicon.names(name), name, rowCells, false));
            }
        }
        return rows;
    }

    /**
     * How a cell of a row-per-framework table is stated: with what it is about. A two-column table's row is one
     * statement naming both cells ("echo-jwt — JWT middleware": a name and its description, the column says
     * nothing); a wider table's cell is labelled with its column ("Runtime: Workers, Deno, Bun"), and with its row
     * too when the row names no framework, whose name an answer would otherwise not know ("Fast — Results:
     * 103214 req/s"). The quote stays the cell itself.
     */
    private String stated(String rowLabel, String column, String value, int width) {
        if (rowLabel.isEmpty()) {
            return column + ": " + value;
        }
        if (width == 2) {
            return rowLabel + ROW_LABEL + value;
        }
        return lexicon.names(rowLabel).isEmpty() ? rowLabel + ROW_LABEL + column + ": " + value : column + ": " + value;
    }

    /** Between a row's label and what its cell says: "Quarkus 3.11 — Memory at Idle: 35 – 60 MB". */
    static final String ROW_LABEL = " — ";

    /** A column per framework, read as a row per framework: cell "Quarkus 3.11 — Memory at Idle: 35 – 60 MB". */
    private List<Row> columnsPerFramework(String text, List<int[]> header, List<List<int[]>> data) {
        List<Row> rows = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            String name = slice(text, header.get(c));
            List<Cell> cells = new ArrayList<>();
            int start = Integer.MAX_VALUE;
            int end = 0;
            for (List<int[]> row : data) {
                int[] span = row.get(c);
                if (span[1] <= span[0]) {
                    continue;
                }
                String label = slice(text, row.get(0));
                Aspect aspect = aspects.label(label).filter(a -> a != Aspect.OVERVIEW).orElse(Aspect.GENERAL);
                String column = label.isEmpty() ? name : name + ROW_LABEL + label;
                String value = slice(text, span);
                cells.add(new Cell(column, span[0], span[1], aspect, aspect == Aspect.GENERAL ? column + ": " + value : value));
                start = Math.min(start, span[0]);
                end = Math.max(end, span[1]);
            }
            if (!cells.isEmpty()) {
                rows.add(new Row(start, end, lexicon.names(name), name, cells, true));
            }
        }
        return rows;
    }

    /** When the header is split over lines, it is every cell before the first that names a framework. */
    private int headerWidth(String text, List<int[]> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (!lexicon.names(slice(text, cells.get(c))).isEmpty()) {
                return c;
            }
        }
        return -1;
    }


    static int[] trim(String text, int start, int end) {
        while (start < end && Line.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && Line.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }

    static String slice(String text, int[] span) {
        return Segmenter.fold(text.substring(span[0], span[1]));
    }
}
