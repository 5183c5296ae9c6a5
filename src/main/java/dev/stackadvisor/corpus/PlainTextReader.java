package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a plain-text capture into the same {@link Layout} model a parser gives a Markdown or HTML document, by
 * guessing what each line is from its shape ({@link LineShapes}):
 * <ul>
 *   <li>lines a capture broke inside a sentence are first joined into one (see {@link #joinWrapped});</li>
 *   <li>{@link Layout.Kind#DROPPED}: a line of code, page furniture ({@link Cleaning}), or a line repeated across
 *       documents;</li>
 *   <li>{@link Layout.Kind#TABLE}: a pipe table's lines; {@link Layout.Kind#TEXT_TABLE}: a table whose cell
 *       borders the capture lost ({@link TextTables}), header and rows;</li>
 *   <li>{@link Layout.Kind#HEADING}: a short bare line ({@link LineShapes#isHeading}), at
 *       {@link Layout#GUESSED_LEVEL}, or {@link Layout#REPEATED_LEVEL} when the document repeats it under
 *       several sections (a label such as "What to watch" is a sub-heading wherever it stands);</li>
 *   <li>{@link Layout.Kind#ITEM}: a bulleted or numbered line (depth 1: indentation says nothing reliable);</li>
 *   <li>{@link Layout.Kind#PARAGRAPH}: any other line; {@link Layout.Kind#BLANK}: an empty one.</li>
 * </ul>
 * The layout is {@link Layout#guessed()}: its blank lines do not end a list, and the rules that need a
 * parser's word about lists (a sentence ending in ':' taking its list along) do not apply.
 */
final class PlainTextReader {

    /**
     * A plain-text document as read.
     *
     * @param lines      its lines, those broken inside a sentence joined: what the layout's entries describe
     * @param layout     one entry per line of {@code lines}
     * @param textTables the tables marked {@link Layout.Kind#TEXT_TABLE}, as read, by the index of their first line
     */
    record Reading(List<Line> lines, Layout layout, Map<Integer, TableParser.Table> textTables) {
    }

    private final TextTables tables;

    PlainTextReader(TextTables tables) {
        this.tables = tables;
    }

    /**
     * @param cleaning what is page furniture
     * @param dropped  lines to leave out wherever they appear, folded and lower-cased
     */
    Reading read(String text, Cleaning cleaning, Set<String> dropped) {
        List<Line> lines = joinWrapped(text, Line.of(text));
        Map<String, Integer> headingCounts = headingCounts(lines);
        int n = lines.size();
        List<Layout.Kind> kinds = new ArrayList<>(Collections.nCopies(n, Layout.Kind.BLANK));
        List<Integer> levels = new ArrayList<>(Collections.nCopies(n, 0));
        Map<Integer, TableParser.Table> textTables = new HashMap<>();
        int i = 0;
        while (i < n) {
            String t = lines.get(i).trimmed();
            if (t.isEmpty()) {
                i++;
                continue;
            }
            if (LineShapes.isCode(t) || cleaning.leavesOut(t, dropped)) {
                kinds.set(i++, Layout.Kind.DROPPED);
                continue;
            }
            if (TableParser.startsPipeTable(t)) {
                i = mark(kinds, i, Math.max(TableParser.pipeTableEnd(lines, i), i + 1), Layout.Kind.TABLE);
                continue;
            }
            Optional<TableParser.Table> table = tables.read(text, lines, i);
            if (table.isPresent()) {
                textTables.put(i, table.get());
                i = mark(kinds, i, table.get().nextLine(), Layout.Kind.TEXT_TABLE);
                continue;
            }
            boolean bullet = LineShapes.BULLET.matcher(t).find();
            if (bullet && LineShapes.NUMBERING.matcher(t).find() && LineShapes.isHeading(t)) {
                bullet = false; // "1. NestJS": a numbered title
            }
            if (!bullet && LineShapes.isHeading(t)) {
                kinds.set(i, Layout.Kind.HEADING);
                levels.set(i, headingCounts.getOrDefault(headingKey(t), 0) >= 2 ? Layout.REPEATED_LEVEL : Layout.GUESSED_LEVEL);
            } else if (bullet) {
                kinds.set(i, Layout.Kind.ITEM);
                levels.set(i, 1);
            } else {
                kinds.set(i, Layout.Kind.PARAGRAPH);
            }
            i++;
        }
        return new Reading(lines, new Layout(kinds, levels, true), Map.copyOf(textTables));
    }

    private static int mark(List<Layout.Kind> kinds, int from, int to, Layout.Kind kind) {
        for (int j = from; j < to; j++) {
            kinds.set(j, kind);
        }
        return to;
    }

    /** The key two headings are the same by: their label, normalised as aspect labels are. */
    static String headingKey(String trimmed) {
        return AspectClassifier.normalizeLabel(trimmed);
    }

    /**
     * How many times each heading-shaped line stands in the document, a run of the same line (a heading and the
     * caption repeating it) counted once.
     */
    private static Map<String, Integer> headingCounts(List<Line> lines) {
        Map<String, Integer> counts = new HashMap<>();
        String previous = null;
        for (Line line : lines) {
            if (line.trimmed().isEmpty()) {
                continue;
            }
            if (LineShapes.isHeading(line.trimmed())) {
                String key = headingKey(line.trimmed());
                if (!key.equals(previous)) {
                    counts.merge(key, 1, Integer::sum);
                }
                previous = key;
            } else {
                previous = null;
            }
        }
        return counts;
    }

    /**
     * Lines a capture broke inside a sentence, joined into one: a line not closed by punctuation followed by one
     * that starts in lower case ("… like fastapi dev" / "and fastapi run" / "to make …"), or a line that ends in a
     * word no sentence ends in ("… is built on" / "Starlette and Pydantic."). Code and table lines are never
     * joined.
     */
    static List<Line> joinWrapped(String text, List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        for (Line line : lines) {
            if (!out.isEmpty()) {
                Line previous = out.get(out.size() - 1);
                if (continues(previous.trimmed(), line.trimmed())) {
                    int end = line.trimmedStart() + line.trimmed().length();
                    out.set(out.size() - 1, new Line(previous.start(), line.end(),
                            text.substring(previous.trimmedStart(), end), previous.trimmedStart()));
                    continue;
                }
            }
            out.add(line);
        }
        return out;
    }

    private static boolean continues(String previous, String next) {
        // cheapest tests first: this runs on every pair of lines of every plain-text document
        return !previous.isEmpty() && !next.isEmpty() && ".!?:;".indexOf(previous.charAt(previous.length() - 1)) < 0
                && (Character.isLowerCase(next.charAt(0))
                        || ReadingCues.BUNDLED.continuingEnd().matcher(lastWord(previous)).matches())
                && !previous.startsWith("|") && !next.startsWith("|")
                && !LineShapes.BULLET.matcher(next).find() && !LineShapes.looksLikeCode(previous)
                && !LineShapes.looksLikeCode(next);
    }

    private static String lastWord(String line) {
        int i = line.length();
        while (i > 0 && !Line.isSpace(line.charAt(i - 1))) {
            i--;
        }
        return line.substring(i);
    }
}
