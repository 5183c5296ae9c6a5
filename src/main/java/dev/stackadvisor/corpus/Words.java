package dev.stackadvisor.corpus;

import java.util.regex.Pattern;

/**
 * White-space word counting and folding, the way the regex {@code \s+} splits text (space, tab, line feed,
 * vertical tab, form feed, carriage return), without compiling a pattern per call as {@code String.split} and
 * {@code String.replaceAll} do for a regex: answers count words many times each.
 */
public final class Words {

    /** A run of white space as the regex {@code \s} matches it. */
    public static final Pattern SPACES = Pattern.compile("\\s+");

    private Words() {
    }

    /**
     * Number of words: exactly {@code text.trim().split("\\s+").length}, so 1 for text that {@code trim()} empties
     * (callers that want 0 for blank text test {@code isBlank()} first, as before).
     *
     * @throws NullPointerException for null text
     */
    public static int count(String text) {
        String t = text.trim();
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < t.length(); i++) {
            boolean space = isSpace(t.charAt(i));
            if (space && !inSpace) {
                words++; // trim() leaves no white space at either end, so every run separates two words
            }
            inSpace = space;
        }
        return words;
    }

    /** Every run of white space replaced by one space: {@code text.replaceAll("\\s+", " ")}. */
    public static String fold(String text) {
        return SPACES.matcher(text).replaceAll(" ");
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
