package dev.stackadvisor.corpus;

import java.util.regex.Pattern;

/**
 * What a line of text looks like, from its shape alone: a list item's marker, a heading, a question that heads
 * its answer, a line of code. The {@link PlainTextReader} guesses a capture's structure with these; the readers
 * of Markdown and HTML ask only whether a block is a question.
 */
final class LineShapes {

    /** A list item's marker: a bullet or "1." / "1)". */
    static final Pattern BULLET = Pattern.compile("^([•\\-*–·]|\\d{1,2}[.)])\\s+");
    static final Pattern NUMBERING = Pattern.compile("^\\d{1,2}[.)]\\s+");
    private static final Pattern CODE = Pattern.compile(
            "^(#|//|@|import |from \\w+ import|return |const |let |var |app\\.|async def|def |\\}|\\{)|[{};]\\s*$|\\w\\(\\)|=>| = ");

    /** Longest question, in words, that heads its answer (FAQ entries run longer than other headings). */
    static final int QUESTION_WORDS = 16;

    /** Fewest words of a prose sentence that names code; "Return the app." is as likely a comment. */
    static final int PROSE_WORDS = 4;

    private static final Pattern PROSE_END = Pattern.compile("[\\p{L})`'\"”][.:!?]$");
    private static final Pattern NOT_PROSE = Pattern.compile("[{};=]|//");
    /** A sentence end inside a line: its text is more than one sentence. */
    private static final Pattern INNER_SENTENCE_END = Pattern.compile("[.!?]\\s+\\p{Lu}");

    private LineShapes() {
    }

    /**
     * A heading: up to 12 words (16 for a question), no comma, not closed by a full stop or '!', and not a
     * bullet item unless the item is only a number and a short title ("1. NestJS").
     */
    static boolean isHeading(String trimmed) {
        String t = NUMBERING.matcher(trimmed).replaceFirst("");
        if (t.isEmpty() || (BULLET.matcher(trimmed).find() && !NUMBERING.matcher(trimmed).find())) {
            return false;
        }
        int words = t.split("\\s+").length;
        if (t.endsWith("?")) {
            return words <= QUESTION_WORDS;
        }
        return words <= 12 && !t.contains(",") && !t.matches(".*[.!;\"”]$") && Character.isLetterOrDigit(t.charAt(0));
    }

    /**
     * A question that heads its answer: one sentence ending in '?' of at most {@link #QUESTION_WORDS} words
     * ("Why is Hono fast?", "Does it support WebSockets?"), not a paragraph that ends with one.
     */
    static boolean isQuestion(String text) {
        String t = Segmenter.fold(text);
        return t.endsWith("?") && !t.isEmpty() && Character.isLetterOrDigit(t.charAt(0))
                && t.split(" ").length <= QUESTION_WORDS && !INNER_SENTENCE_END.matcher(t).find();
    }

    /**
     * A line of code, never quoted; a sentence of prose that names code ("Use app.listen() to bind every host:",
     * "Routes are declared with app.get()."), which introduces or explains a code block, is not code: it opens
     * with a capital, has {@link #PROSE_WORDS} words or more, ends as a sentence does, and holds no braces,
     * semicolons or assignments.
     */
    static boolean isCode(String trimmed) {
        return CODE.matcher(trimmed).find() && !(Character.isUpperCase(trimmed.charAt(0)) && PROSE_END.matcher(trimmed).find()
                && !NOT_PROSE.matcher(trimmed).find() && trimmed.split("\\s+").length >= PROSE_WORDS);
    }

    /** Whether {@code trimmed} matches the code pattern at all, prose naming code included (lines never joined). */
    static boolean looksLikeCode(String trimmed) {
        return CODE.matcher(trimmed).find();
    }

    /** Where a list item's text starts after its marker, within {@code trimmed}; 0 when it has none. */
    static int markerEnd(String trimmed) {
        var m = BULLET.matcher(trimmed);
        return m.find() ? m.end() : 0;
    }
}
