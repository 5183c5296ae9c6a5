package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers the comparison tables a plain-text capture lost the cell borders of, as rows of labelled cells with
 * char offsets, like {@link TableParser}'s:
 * <ul>
 *   <li>flattened tables whose cells run together: the header splits at lower-to-upper case joins, each row is
 *       a framework name, a "best for" text, one rating per rating column and the last column, the ratings read
 *       from {@link TableParser#RATING}; each rating is a cell of its own, never the glued row;</li>
 *   <li>tables flattened with spaces: "label · framework names · text" per line (see {@link #spacedTable}).</li>
 * </ul>
 * Only the {@link PlainTextReader} asks: a parser of Markdown or HTML keeps a table's cells apart.
 */
final class TextTables {

    private final FrameworkLexicon lexicon;

    TextTables(FrameworkLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The flattened or space-separated table whose header is {@code lines.get(first)}, if it is one. */
    Optional<TableParser.Table> read(String text, List<Line> lines, int first) {
        return flattenedTable(text, lines, first).or(() -> spacedTable(text, lines, first));
    }

    /**
     * Parses a flattened table if {@code lines.get(first)} is its header, i.e. it splits into at least five
     * camel-case-joined column names and the next line reads as a row of it.
     */
    Optional<TableParser.Table> flattenedTable(String text, List<Line> lines, int first) {
        String header = lines.get(first).trimmed();
        if (header.contains(" |") || header.matches(".*[.,;!?]$")) {
            return Optional.empty();
        }
        String[] columns = header.split("(?<=[a-z])(?=[A-Z])");
        if (columns.length < 5) {
            return Optional.empty();
        }
        int ratingColumns = columns.length - 3;
        Pattern tail = Pattern.compile("^(?<fit>.+?)(?<ratings>(?:" + TableParser.RATING + "){" + ratingColumns + "})(?<last>[A-Z].*)$");
        List<TableParser.Row> rows = new ArrayList<>();
        int i = first + 1;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line.trimmed().isEmpty()) {
                if (rows.isEmpty()) {
                    i++;
                    continue;
                }
                break;
            }
            Optional<TableParser.Row> row = flattenedRow(line, columns, tail);
            if (row.isEmpty()) {
                break;
            }
            rows.add(row.get());
            i++;
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new TableParser.Table(rows, i));
    }

    private Optional<TableParser.Row> flattenedRow(Line line, String[] columns, Pattern tail) {
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
        List<TableParser.Cell> cells = new ArrayList<>();
        int rowStart = line.trimmedStart();
        int rowEnd = line.trimmedStart() + t.length();
        // stated cell by cell as any table is, never as the glued row ("…HighLowModerate…" means nothing as a quote):
        // each rating is quoted alone and stated with its row and column, "NestJS — Scalability: High"
        cells.add(new TableParser.Cell(columns[1], base + m.start("fit"), base + m.end("fit"), Aspect.FIT, m.group("fit").trim()));
        Matcher r = Pattern.compile(TableParser.RATING).matcher(m.group("ratings"));
        int ratingsStart = base + m.start("ratings");
        for (int c = 2; r.find(); c++) {
            cells.add(new TableParser.Cell(columns[c], ratingsStart + r.start(), ratingsStart + r.end(), Aspect.RATING,
                    name + TableParser.ROW_LABEL + columns[c] + ": " + r.group()));
        }
        String lastColumn = columns[columns.length - 1];
        cells.add(new TableParser.Cell(lastColumn, base + m.start("last"), base + m.end("last"), Aspect.FIT,
                lastColumn + ": " + m.group("last").trim()));
        return Optional.of(new TableParser.Row(rowStart, rowEnd, lexicon.names(name), name, cells, false));
    }

    /** End of a leading cell like "Echo / Gin (Go)": framework names joined by '/', an optional "(Lang)". */
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
     * ({@code Internal tools Django, Laravel Admin screens out of the box}), the names found by the lexicon (a
     * language with its frameworks in parentheses, "Go (Echo/Gin)", and one word between commas, "Spring Boot, Go,
     * NestJS", belong to the names). Each row becomes two cells, never the row as one quote: the names, stated with
     * the row label ("Internal tools: Django, Laravel"), and the text after them, stated with label and names.
     * The header's column names cannot be told apart (spaces join them too), so they are not used.
     */
    Optional<TableParser.Table> spacedTable(String text, List<Line> lines, int first) {
        String header = lines.get(first).trimmed();
        int words = header.isEmpty() ? 0 : header.split("\\s+").length;
        if (words < 2 || words > 8 || CLOSED.matcher(header).find() || header.contains("|")
                || !lexicon.mentions(header).isEmpty()) {
            return Optional.empty();
        }
        List<TableParser.Row> rows = new ArrayList<>();
        int i = first + 1;
        while (i < lines.size()) {
            Optional<TableParser.Row> row = spacedRow(lines.get(i));
            if (row.isEmpty()) {
                break;
            }
            rows.add(row.get());
            i++;
        }
        return rows.size() < 2 ? Optional.empty() : Optional.of(new TableParser.Table(rows, i));
    }

    private Optional<TableParser.Row> spacedRow(Line line) {
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
            from = language.start(); // "Python (Flask/Django)": the language heads its frameworks
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
        List<TableParser.Cell> cells = List.of(
                new TableParser.Cell("", base + from, base + from + names.length(), Aspect.FIT, label + ": " + names),
                new TableParser.Cell("", restStart, restStart + rest.length(), Aspect.FIT, label + ", " + names + TableParser.ROW_LABEL + rest));
        // the row's heading names its frameworks, as a framework-per-row table's does
        return Optional.of(new TableParser.Row(base, base + t.length(), lexicon.names(names), label + ": " + names, cells, false));
    }

    /** A line that ends like a sentence or a lead-in is prose, not a table line. */
    private static final Pattern CLOSED = Pattern.compile("[.!?:;]\\s*$");
    /** A capitalised word and an opening parenthesis right before the first name: "Python (" of "Python (Django)". */
    private static final Pattern LANGUAGE_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}.#+]*\\s*\\($");
    /** What may stand between two names of one cell: separators and at most one capitalised word ("), Elixir, "). */
    private static final Pattern NAME_GAP = Pattern.compile("[\\s,/()]*(?:\\p{Lu}[\\p{L}.#+]*[\\s,/()]+)?");
}
