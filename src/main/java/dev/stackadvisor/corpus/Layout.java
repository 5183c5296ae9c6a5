package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each line of a document's text is: the one document model the {@link Segmenter} walks. A parser says it
 * for Markdown and HTML ({@link Builder}); the {@link PlainTextReader} guesses it for a {@code .txt} capture.
 *
 * <p>The text a parser's layout describes is one block a line: a heading, a paragraph (soft line breaks already
 * joined), a list item ({@code "- "} and its text), a table row ({@code "| cell | cell |"}, the header row
 * first, no separator row), or a blank line between blocks. Code blocks are not part of it.
 *
 * @param kinds   one entry per line of the text ({@code text.split("\n", -1)}; for a guessed layout, per line of
 *                the text with lines broken inside a sentence joined, see {@link PlainTextReader#joinWrapped})
 * @param levels  heading level (1–6, 7 for an admonition title or a question set as a heading, {@link #GUESSED_LEVEL}
 *                or {@link #REPEATED_LEVEL} for a guessed heading) per line; for a list item its depth (1 for a
 *                top-level item, 2 for an item of a list nested in it…); 0 for other lines
 * @param guessed true when the structure was guessed from the lines of plain text: a blank line there does not
 *                end a list, and list items are never stated with a lead-in or taken along by the sentence before
 */
public record Layout(List<Kind> kinds, List<Integer> levels, boolean guessed) {

    /** Heading level of a question set apart as its own block: below any Markdown or HTML heading. */
    public static final int QUESTION_LEVEL = 7;
    /** Level of a heading guessed from a bare line of plain text: its depth is not known. */
    public static final int GUESSED_LEVEL = 8;
    /** Level of a guessed heading the document repeats under several sections: a sub-heading wherever it stands. */
    public static final int REPEATED_LEVEL = 9;

    /**
     * What a line holds. {@code DROPPED} (code, page furniture, a line repeated across documents) and
     * {@code TEXT_TABLE} (a table whose cells a capture ran together) only occur in a guessed layout.
     */
    public enum Kind { HEADING, PARAGRAPH, ITEM, TABLE, TEXT_TABLE, DROPPED, BLANK }

    public Layout {
        kinds = List.copyOf(kinds);
        levels = List.copyOf(levels);
        if (kinds.size() != levels.size()) {
            throw new IllegalArgumentException("kinds and levels differ in length");
        }
    }

    /** A layout a parser gave: nothing guessed. */
    public Layout(List<Kind> kinds, List<Integer> levels) {
        this(kinds, levels, false);
    }

    /** True for a heading guessed from a plain-text line ({@link #GUESSED_LEVEL} or {@link #REPEATED_LEVEL}). */
    public static boolean isGuessedHeading(int level) {
        return level >= GUESSED_LEVEL;
    }

    /** A document's text and layout, built block by block; white space inside a block is folded to one space. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Kind> kinds = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private String firstHeading;

        /** A heading of {@code level} (1 = title); ignored when blank. */
        public Builder heading(int level, String heading) {
            String h = Segmenter.fold(heading);
            if (!h.isEmpty()) {
                if (firstHeading == null) {
                    firstHeading = h;
                }
                line(Kind.HEADING, level, h);
                blank();
            }
            return this;
        }

        /**
         * A question set apart as its own block (a paragraph that is only a question, an FAQ's bold question, a
         * {@code <summary>} or {@code <dt>}): it heads its answer, below any heading of the page, as a plain-text
         * question line does ({@link LineShapes#isQuestion}). Other text is a paragraph.
         */
        public Builder questionOrParagraph(String text) {
            String q = Segmenter.fold(text);
            return LineShapes.isQuestion(q) ? heading(QUESTION_LEVEL, q) : paragraph(q);
        }

        /** A paragraph; ignored when blank. */
        public Builder paragraph(String paragraph) {
            String p = Segmenter.fold(paragraph);
            if (!p.isEmpty()) {
                line(Kind.PARAGRAPH, 0, p);
                blank();
            }
            return this;
        }

        /** An item of the current top-level list; a {@link #blank()} ends the list. */
        public Builder item(String item) {
            return item(1, item);
        }

        /** An item of a list nested {@code depth} deep (1 = top level); a {@link #blank()} ends the list. */
        public Builder item(int depth, String item) {
            String i = Segmenter.fold(item);
            if (!i.isEmpty()) {
                line(Kind.ITEM, Math.max(1, depth), "- " + i);
            }
            return this;
        }

        /** A table: its header cells, then its rows; a row shorter than the header is padded with empty cells. */
        public Builder table(List<String> header, List<List<String>> rows) {
            if (header.size() < 2 || rows.isEmpty()) {
                // a one-column "table" is a list
                rows.forEach(r -> item(String.join(" ", r)));
                blank();
                return this;
            }
            line(Kind.TABLE, 0, row(header, header.size()));
            for (List<String> r : rows) {
                line(Kind.TABLE, 0, row(r, header.size()));
            }
            blank();
            return this;
        }

        private static String row(List<String> cells, int width) {
            StringBuilder b = new StringBuilder("|");
            for (int c = 0; c < width; c++) {
                // a '|' inside a cell would split it
                String cell = c < cells.size() ? Segmenter.fold(cells.get(c)).replace('|', '/') : "";
                b.append(' ').append(cell).append(cell.isEmpty() ? "" : " ").append('|');
            }
            return b.toString();
        }

        /** Ends the current block (a list, say); repeated blank lines are kept to one. */
        public Builder blank() {
            if (!kinds.isEmpty() && kinds.get(kinds.size() - 1) != Kind.BLANK) {
                line(Kind.BLANK, 0, "");
            }
            return this;
        }

        /** A metadata field read from the document itself ({@code title}, {@code publisher}, …); blank ignored. */
        public Builder meta(String field, String value) {
            if (value != null && !value.isBlank() && !metadata.containsKey(field)) {
                metadata.put(field, Segmenter.fold(value));
            }
            return this;
        }

        private void line(Kind kind, int level, String content) {
            if (!kinds.isEmpty()) {
                text.append('\n');
            }
            text.append(content);
            kinds.add(kind);
            levels.add(level);
        }

        /** The document as read. */
        public ReadDocument build() {
            return new ReadDocument(text.toString(), new Layout(kinds, levels), Map.copyOf(metadata), firstHeading);
        }
    }

    /**
     * A document as a reader produced it.
     *
     * @param text         the text every quote is a span of
     * @param layout       what each line is, or {@code null} for plain text
     * @param metadata     fields the document states about itself (title, publisher, author, date, url)
     * @param firstHeading its first heading, the title of last resort; may be {@code null}
     */
    public record ReadDocument(String text, Layout layout, Map<String, String> metadata, String firstHeading) {
    }
}
