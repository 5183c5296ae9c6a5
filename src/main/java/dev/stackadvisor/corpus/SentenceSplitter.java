package dev.stackadvisor.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a span of text into sentences with the JDK's {@link BreakIterator} (English rules), not at the full stop of
 * an abbreviation or initials ("U.S.", "e.g.": {@code segmenting.abbreviations} in {@code analysis/aspect-cues.json}),
 * and cuts a sentence too long to quote into pieces. Spans are char offsets into the text, trimmed of white space.
 */
final class SentenceSplitter {

    /**
     * Longest sentence quoted whole, in chars; a longer one is cut into pieces of at most this (see
     * {@link #capped}). The captured articles' longest sentence is under 300 chars; 400 keeps a quote readable.
     */
    static final int MAX_CHARS = 400;

    private SentenceSplitter() {
    }

    /** Sentence spans within [from, to), each at most {@link #MAX_CHARS} long: {@link #capped} {@link #sentences}. */
    static List<int[]> quotable(String text, int from, int to) {
        return capped(text, sentences(text, from, to));
    }

    /** Sentence spans within [from, to), trimmed, not split after abbreviations such as "U.S." or "e.g.". */
    static List<int[]> sentences(String text, int from, int to) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        String region = text.substring(from, to);
        it.setText(region);
        List<int[]> spans = new ArrayList<>();
        int s = it.first();
        for (int e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
            int a = from + s;
            int b = from + e;
            while (a < b && Line.isSpace(text.charAt(a))) {
                a++;
            }
            while (b > a && Line.isSpace(text.charAt(b - 1))) {
                b--;
            }
            if (b <= a) {
                continue;
            }
            int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && ReadingCues.BUNDLED.abbreviationEnd().matcher(text.substring(last[0], last[1])).find()) {
                last[1] = b;
            } else {
                spans.add(new int[] {a, b});
            }
        }
        return spans;
    }

    /**
     * The spans, each over {@link #MAX_CHARS} cut at its last space before the cap (mid-word when it has none, never
     * inside a surrogate pair): a 2 MB line without a full stop becomes many quotable pieces, never one 2 MB quote.
     */
    static List<int[]> capped(String text, List<int[]> spans) {
        List<int[]> out = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            int a = span[0];
            while (span[1] - a > MAX_CHARS) {
                int cut = a + MAX_CHARS;
                int space = cut;
                while (space > a + MAX_CHARS / 2 && !Line.isSpace(text.charAt(space))) {
                    space--;
                }
                if (Line.isSpace(text.charAt(space))) {
                    cut = space;
                } else if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                    cut--;
                }
                int end = cut;
                while (end > a && Line.isSpace(text.charAt(end - 1))) {
                    end--;
                }
                out.add(new int[] {a, end});
                a = cut;
                while (a < span[1] && Line.isSpace(text.charAt(a))) {
                    a++;
                }
            }
            if (a < span[1]) {
                out.add(new int[] {a, span[1]});
            }
        }
        return out;
    }
}
