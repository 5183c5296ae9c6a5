package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of a document's text, the unit a {@link Layout} says the kind of.
 *
 * @param start        char offset of its first character in the text
 * @param end          char offset of its end, before the line feed (and a carriage return before it)
 * @param trimmed      its text without surrounding white space (no-break spaces included)
 * @param trimmedStart char offset where {@code trimmed} starts
 */
record Line(int start, int end, String trimmed, int trimmedStart) {

    /** The lines of {@code text}, split at each line feed ({@code text.split("\n", -1)}: an empty text is one line). */
    static List<Line> of(String text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                int ts = start;
                while (ts < end && isSpace(text.charAt(ts))) {
                    ts++;
                }
                int te = end;
                while (te > ts && isSpace(text.charAt(te - 1))) {
                    te--;
                }
                out.add(new Line(start, end, text.substring(ts, te), ts));
                start = i + 1;
            }
        }
        return out;
    }

    /** True for white space, no-break spaces and the byte-order mark included: the captures are full of them. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
