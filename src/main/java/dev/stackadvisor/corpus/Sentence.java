package dev.stackadvisor.corpus;

import java.util.List;

/**
 * The unit a quote is made of: one sentence, list item or table cell of a document.
 *
 * @param documentId the document it comes from
 * @param start      char offset of the first character in {@link Document#text()} (inclusive)
 * @param end        char offset after the last character (exclusive)
 * @param quote      {@code text.substring(start, end)} with runs of white space folded to one space;
 *                   verbatim apart from white space
 * @param display    how an answer states it: the quote itself for prose, or a labelled rendering for a
 *                   table cell or rating ("Community: Moderate")
 * @param subjects   canonical names of the frameworks the claim is about (may be empty)
 * @param mentions   canonical names of every framework the sentence names (superset-free: may differ
 *                   from subjects, e.g. "Compared to frameworks like Django…" under a Node.js heading)
 * @param aspect     what it says about its subjects
 * @param listGroup  sentences of one bulleted list or table row share a group id; -1 for prose
 * @param tableCell  true for a cell of a comparison table: the article's own one-line verdict
 */
public record Sentence(String documentId, int start, int end, String quote, String display,
                       List<String> subjects, List<String> mentions, Aspect aspect, int listGroup, boolean tableCell) {
    public Sentence {
        subjects = List.copyOf(subjects);
        mentions = List.copyOf(mentions);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** Identifies the sentence within the corpus: document id and start offset. */
    public String key() {
        return documentId + ":" + start;
    }

    /** Number of words in the quote (white-space separated). */
    public int wordCount() {
        return quote.isBlank() ? 0 : Words.count(quote);
    }
}
