package dev.stackadvisor.answer;

/**
 * One numbered source of an answer: the {@code [n]} marker in the text points here.
 *
 * @param n          the marker number, from 1, in order of first use
 * @param documentId the article's file stem in {@code corpus/}
 * @param title      the article's title
 * @param publisher  its publisher, or null when the source gives none
 * @param section    the heading path of the quoted passage, "" at the top of the article
 * @param quote      verbatim text of the article (white space folded): the evidence for the claim
 * @param score      fused retrieval score of the passage the quote comes from (RRF, ≈ 0.01–0.033)
 */
public record Citation(int n, String documentId, String title, String publisher, String section, String quote,
                       double score) {

    /** Decimal places a citation's score keeps: RRF scores differ in the fourth (1/61 − 1/62 ≈ 0.00026). */
    private static final double SCORE_SCALE = 10_000;

    /**
     * The one way both answerers cite: {@code [start, end)} of the document's text, white space folded
     * ({@link dev.stackadvisor.corpus.Segmenter#fold}), the score rounded to four places.
     *
     * @throws StringIndexOutOfBoundsException when the span is not inside the document's text
     */
    public static Citation of(int n, dev.stackadvisor.corpus.Document d, String section, int start, int end, double score) {
        return new Citation(n, d.id(), d.title(), d.publisher(), section,
                dev.stackadvisor.corpus.Segmenter.fold(d.text().substring(start, end)), Math.round(score * SCORE_SCALE) / SCORE_SCALE);
    }
}
