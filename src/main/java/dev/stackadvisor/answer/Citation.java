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
}
