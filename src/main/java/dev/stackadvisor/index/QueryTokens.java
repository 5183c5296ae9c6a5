package dev.stackadvisor.index;

/**
 * One question as MiniLM reads it: the word-piece ids with {@code [CLS]} and {@code [SEP]} and their token type ids
 * (all 0 for one sentence), exactly what langchain4j's {@code OnnxBertBiEncoder} would feed the model for that
 * text. The attention mask is 1 for each of them; padding added in a batch is masked out.
 *
 * @param ids         input ids, 3..512 of them
 * @param typeIds     token type ids, as many as {@code ids}
 */
public record QueryTokens(long[] ids, long[] typeIds) {

    public QueryTokens {
        if (ids.length != typeIds.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + typeIds.length + " type ids");
        }
    }

    /** Number of tokens, special tokens included: the sequence length this question needs. */
    public int length() {
        return ids.length;
    }
}
