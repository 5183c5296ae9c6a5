package dev.stackadvisor.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap, deliberately pessimistic estimate of how many BERT word-piece tokens (all-MiniLM-L6-v2's
 * uncased vocabulary) a text takes. It needs no native tokenizer, so segmenting is identical in keyword
 * mode, and it errs high: common words are one piece, long or rare words two or three, every punctuation
 * mark and every two digits one. A test holds it against the real tokenizer over the whole corpus.
 */
public final class TokenEstimator {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+|[0-9]+|[^\\sA-Za-z0-9]");

    /** Estimated word-piece count of {@code text}, without the [CLS]/[SEP] markers. */
    public int estimate(String text) {
        int count = 0;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String t = m.group();
            char c = t.charAt(0);
            if (Character.isLetter(c)) {
                count += t.length() <= 7 ? 1 : 1 + (t.length() - 4) / 4;
            } else if (Character.isDigit(c)) {
                count += (t.length() + 1) / 2;
            } else {
                count += 1;
            }
        }
        return count;
    }
}
