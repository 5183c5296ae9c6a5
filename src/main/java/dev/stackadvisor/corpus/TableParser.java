package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers comparison tables from captured text, as rows of labelled cells with char offsets.
 * <ul>
 *   <li>pipe tables, one row a line ({@code | Spring Boot | Large enterprise… |}, Markdown's separator row
 *       {@code |---|:---:|} dropped): cells aligned by position, empty ones kept in place. When the header names a
 *       framework per column and the first column does not, the table is read column by column (a row per
 *       framework, each cell labelled "framework — row label");</li>
 *   <li>pipe tables with cells split across lines (004): cells are read as one stream and cut into rows of the
 *       header's width;</li>
 *   <li>flattened tables whose cells run together ({@code NestJSEnterprise APIs…HighHighHighHigh…}, 002):
 *       the header splits at lower-to-upper case joins, each row is framework name + "best for" text +
 *       one rating per rating column + the last column, the ratings read from {@link #RATING}; each rating is a
 *       cell of its own, never the glued row.</li>
 * </ul>
 * Each cell is quoted alone (its own offsets) and stated with what it is about (see {@code stated}).
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

    /** Parses the pipe table whose first line is {@code lines.get(first)}. */
    Table pipeTable(String text, List<Segmenter.Line> lines, int first) {
        int i = first;
        List<List<int[]>> lineCells = new ArrayList<>();
        while (i < lines.size()) {
            Segmenter.Line line = lines.get(i);
            String t = line.trimmed();
            if (t.isEmpty() || !(t.startsWith("|") || t.endsWith("|"))) {
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

    /**
     * Parses a flattened table if {@code lines.get(first)} is its header, i.e. it splits into at least five
     * camel-case-joined column names and the next line reads as a row of it.
     */
    Optional<Table> flattenedTable(String text, List<Segmenter.Line> lines, int first) {
        String header = lines.get(first).trimmed();
        if (header.contains(" |") || header.matches(".*[.,;!?]$")) {
            return Optional.empty();
        }
        String[] columns = header.split("(?<=[a-z])(?=[A-Z])");
        if (columns.length < 5) {
            return Optional.empty();
        }
        int ratingColumns = columns.length - 3;
        Pattern tail = Pattern.compile("^(?<fit>.+?)(?<ratings>(?:" + RATING + "){" + ratingColumns + "})(?<last>[A-Z].*)$");
        List<Row> rows = new ArrayList<>();
        int i = first + 1;
        while (i < lines.size()) {
            Segmenter.Line line = lines.get(i);
            if (line.trimmed().isEmpty()) {
                if (rows.isEmpty()) {
                    i++;
                    continue;
                }
                break;
            }
            Optional<Row> row = flattenedRow(line, columns, tail);
            if (row.isEmpty()) {
                break;
            }
            rows.add(row.get());
            i++;
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(rows, i));
    }

    private Optional<Row> flattenedRow(Segmenter.Line line, String[] columns, Pattern tail) {
        String t = line.trimmed();
        int nameEnd = frameworkCellEnd(t);
        if (nameEnd <= 0) {
            return Optional.empty();
        }
        Matcher m = tail.matcher(t.substring(nameEnd));
        if (!m.matches()) {
            return Optional.empty();
        }
        int base = line.trimmedStart() + nameEnd;
        String name = t.substring(0, nameEnd).trim();
        List<Cell> cells = new ArrayList<>();
        int rowStart = line.trimmedStart();
        int rowEnd = line.trimmedStart() + t.length();
        // stated cell by cell as any table is, never as the glued row ("…HighHighGrowing…" means nothing as a quote):
        // each rating is quoted alone and stated with its row and column, "NestJS — Scalability: High"
        cells.add(new Cell(columns[1], base + m.start("fit"), base + m.end("fit"), Aspect.FIT, m.group("fit").trim()));
        Matcher r = Pattern.compile(RATING).matcher(m.group("ratings"));
        int ratingsStart = base + m.start("ratings");
        for (int c = 2; r.find(); c++) {
            cells.add(new Cell(columns[c], ratingsStart + r.start(), ratingsStart + r.end(), Aspect.RATING,
                    name + ROW_LABEL + columns[c] + ": " + r.group()));
        }
        String lastColumn = columns[columns.length - 1];
        cells.add(new Cell(lastColumn, base + m.start("last"), base + m.end("last"), Aspect.FIT,
                lastColumn + ": " + m.group("last").trim()));
        return Optional.of(new Row(rowStart, rowEnd, lexicon.names(name), name, cells, false));
    }

    /** End of a leading cell like "Gin / Fiber (Go)": framework names joined by '/', an optional "(Lang)". */
    private int frameworkCellEnd(String t) {
        int pos = 0;
        boolean any = false;
        while (true) {
            Optional<FrameworkLexicon.Mention> m = lexicon.prefix(t.substring(pos));
            if (m.isEmpty()) {
                break;
            }
            any = true;
            pos += m.get().end();
            Matcher sep = Pattern.compile("^\\s*/\\s*").matcher(t.substring(pos));
            if (sep.find() && lexicon.prefix(t.substring(pos + sep.end())).isPresent()) {
                pos += sep.end();
                continue;
            }
            break;
        }
        if (!any) {
            return -1;
        }
        Matcher lang = Pattern.compile("^\\s*\\([^)]{1,20}\\)").matcher(t.substring(pos));
        if (lang.find()) {
            pos += lang.end();
        }
        return pos;
    }

    /**
     * Parses a table flattened with spaces if {@code lines.get(first)} is its header: a short line with no framework
     * name and no closing punctuation, followed by two or more rows that each read "label · framework names · text"
     * ({@code MVP/Startup Node.js, Django, FastAPI Fast build, easier hiring}), the names found by the lexicon (a
     * language with its frameworks in parentheses, "Go (Gin/Fiber)", and one word between commas, "Spring Boot, Go,
     * NestJS", belong to the names). Each row becomes two cells, never the row as one quote: the names, stated with
     * the row label ("MVP/Startup: Node.js, Django, FastAPI"), and the text after them, stated with label and names.
     * The header's column names cannot be told apart (spaces join them too), so they are not used.
     */
    Optional<Table> spacedTable(String text, List<Segmenter.Line> lines, int first) {
        String header = lines.get(first).trimmed();
        int words = header.isEmpty() ? 0 : header.split("\\s+").length;
        if (words < 2 || words > 8 || CLOSED.matcher(header).find() || header.contains("|")
                || !lexicon.mentions(header).isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        int i = first + 1;
        while (i < lines.size()) {
            Optional<Row> row = spacedRow(lines.get(i));
            if (row.isEmpty()) {
                break;
            }
            rows.add(row.get());
            i++;
        }
        return rows.size() < 2 ? Optional.empty() : Optional.of(new Table(rows, i));
    }

    private Optional<Row> spacedRow(Segmenter.Line line) {
        String t = line.trimmed();
        if (t.isEmpty() || CLOSED.matcher(t).find() || t.contains("|")) {
            return Optional.empty();
        }
        List<FrameworkLexicon.Mention> found = lexicon.mentions(t);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int from = found.get(0).start();
        Matcher language = LANGUAGE_BEFORE.matcher(t.substring(0, from));
        if (language.find()) {
            from = language.start(); // "Python (Django/FastAPI)": the language heads its frameworks
        }
        int to = found.get(0).end();
        for (int k = 1; k < found.size() && NAME_GAP.matcher(t.substring(to, found.get(k).start())).matches(); k++) {
            to = found.get(k).end();
        }
        if (t.startsWith(")", to)) {
            to++; // "(Gin/Fiber)": the parenthesis the language opened
        }
        String label = t.substring(0, from).strip();
        String rest = t.substring(to).strip();
        if (label.isEmpty() || rest.split("\\s+").length < 2 || !Character.isUpperCase(rest.codePointAt(0))) {
            return Optional.empty();
        }
        int base = line.trimmedStart();
        String names = t.substring(from, to).strip();
        int restStart = base + t.indexOf(rest, to);
        List<Cell> cells = List.of(
                new Cell("", base + from, base + from + names.length(), Aspect.FIT, label + ": " + names),
                new Cell("", restStart, restStart + rest.length(), Aspect.FIT, label + ", " + names + ROW_LABEL + rest));
        // the row's heading names its frameworks, as a framework-per-row table's does
        return Optional.of(new Row(base, base + t.length(), lexicon.names(names), label + ": " + names, cells, false));
    }

    /** A line that ends like a sentence or a lead-in is prose, not a table line. */
    private static final Pattern CLOSED = Pattern.compile("[.!?:;]\\s*$");
    /** A capitalised word and an opening parenthesis right before the first name: "Python (" of "Python (Django)". */
    private static final Pattern LANGUAGE_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}.#+]*\\s*\\($");
    /** What may stand between two names of one cell: separators and at most one capitalised word ("), Elixir, "). */
    private static final Pattern NAME_GAP = Pattern.compile("[\\s,/()]*(?:\\p{Lu}[\\p{L}.#+]*[\\s,/()]+)?");

    private static int[] trim(String text, int start, int end) {
        while (start < end && Segmenter.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && Segmenter.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }

    private static String slice(String text, int[] span) {
        return Segmenter.fold(text.substring(span[0], span[1]));
    }
}
