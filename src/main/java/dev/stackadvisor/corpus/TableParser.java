package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers comparison tables from captured text, as rows of labelled cells with char offsets.
 * <ul>
 *   <li>pipe tables, one row a line ({@code | Spring Boot | Large enterprise… |}) or with cells split
 *       across lines (004): cells are read as one stream and cut into rows of the header's width;</li>
 *   <li>flattened tables whose cells run together ({@code NestJSEnterprise APIs…HighHighHighHigh…}, 002):
 *       the header splits at lower-to-upper case joins, each row is framework name + "best for" text +
 *       one rating per rating column + the last column, the ratings read from {@link #RATING}.</li>
 * </ul>
 */
final class TableParser {

    /** The rating words comparison tables use, longest first so "Moderate-High" is not read as "Moderate". */
    static final String RATING = "Extremely High|Very High|Moderate-High|Low-Moderate|Moderate|Medium|High|Growing|Low";

    /** A cell: its column header, char span in the document, what it says and how an answer states it. */
    record Cell(String column, int start, int end, Aspect aspect, String display) {
    }

    /** A row: its span, the frameworks its first column names, and its other cells. */
    record Row(int start, int end, List<String> subjects, String frameworkCell, List<Cell> cells) {
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
        List<int[]> cells = new ArrayList<>();
        int firstLineCells = -1;
        while (i < lines.size()) {
            Segmenter.Line line = lines.get(i);
            String t = line.trimmed();
            if (t.isEmpty() || !(t.startsWith("|") || t.endsWith("|"))) {
                break;
            }
            int before = cells.size();
            int cellStart = line.start();
            for (int p = line.start(); p <= line.end(); p++) {
                if (p == line.end() || text.charAt(p) == '|') {
                    int[] span = trim(text, cellStart, p);
                    if (span[1] > span[0]) {
                        cells.add(span);
                    }
                    cellStart = p + 1;
                }
            }
            if (firstLineCells < 0) {
                firstLineCells = cells.size() - before;
            }
            i++;
        }
        int width = firstLineCells >= 2 ? firstLineCells : headerWidth(text, cells);
        if (width < 2 || cells.size() < 2 * width) {
            return new Table(List.of(), i);
        }
        List<String> header = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            header.add(slice(text, cells.get(c)));
        }
        int frameworkColumn = 0;
        for (int c = 0; c < width; c++) {
            if (header.get(c).toLowerCase().contains("framework")) {
                frameworkColumn = c;
                break;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = width; r + width <= cells.size(); r += width) {
            int[] nameSpan = cells.get(r + frameworkColumn);
            String name = slice(text, nameSpan);
            List<Cell> rowCells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                if (c == frameworkColumn) {
                    continue;
                }
                int[] span = cells.get(r + c);
                // a "Language" cell restates what the lexicon knows; it indexes the row but is not a claim
                Aspect aspect = aspects.label(header.get(c)).filter(a -> a != Aspect.OVERVIEW).orElse(Aspect.GENERAL);
                String value = slice(text, span);
                String display = aspect == Aspect.GENERAL ? header.get(c) + ": " + value : value;
                rowCells.add(new Cell(header.get(c), span[0], span[1], aspect, display));
            }
            rows.add(new Row(cells.get(r)[0], cells.get(r + width - 1)[1], lexicon.names(name), name, rowCells));
        }
        return new Table(rows, i);
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
        Matcher r = Pattern.compile(RATING).matcher(m.group("ratings"));
        List<String> ratings = new ArrayList<>();
        int c = 2;
        while (r.find()) {
            ratings.add(columns[c++] + ": " + r.group());
        }
        int rowStart = line.trimmedStart();
        int rowEnd = line.trimmedStart() + t.length();
        // the ratings are quoted with their whole row (the glued "HighHighGrowing…" alone means nothing), so
        // they come first: cells stay in order of their start offsets
        cells.add(new Cell("ratings", rowStart, rowEnd, Aspect.RATING, String.join("; ", ratings)));
        cells.add(new Cell(columns[1], base + m.start("fit"), base + m.end("fit"), Aspect.FIT, m.group("fit").trim()));
        String lastColumn = columns[columns.length - 1];
        cells.add(new Cell(lastColumn, base + m.start("last"), base + m.end("last"), Aspect.FIT,
                lastColumn + ": " + m.group("last").trim()));
        return Optional.of(new Row(rowStart, rowEnd, lexicon.names(name), name, cells));
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
