package dev.stackadvisor.index;

/**
 * One term of a question as the query analyzer reads it ({@link KeywordIndex#analyzeQuery}).
 *
 * @param term     the analysed term (lower case, stemmed), as BM25 indexes it
 * @param start    char offset of the question text it stands for (for a synonym: the whole matched phrase)
 * @param end      exclusive end offset, as {@code start}
 * @param position token position: for the user's own words, their index among them (stop words leave gaps);
 *                 for added terms, their place in the synonym graph (a multi-word synonym's words are consecutive)
 * @param synonym  true when the synonyms file added it; false for the user's own word
 */
public record QueryToken(String term, int start, int end, int position, boolean synonym) {
}
