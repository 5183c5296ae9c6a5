package dev.stackadvisor.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code [n]} markers of an LLM answer against the passages it was given: a marker pointing at no
 * given passage is removed and counted ("[9]" of 5 passages), lists ("[1, 3]") are kept with their valid
 * numbers only, and the numbers actually cited are returned in order of first use.
 */
final class CitationCheck {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,4}(?:\\s*,\\s*\\d{1,4})*)\\]");

    /** The checked text, the valid numbers cited in order, and how many markers were removed. */
    record Result(String text, List<Integer> cited, int removed) {
    }

    private CitationCheck() {
    }

    /**
     * @param text    the LLM's answer
     * @param sources how many passages were given (valid numbers are 1..sources)
     */
    static Result check(String text, int sources) {
        Set<Integer> cited = new LinkedHashSet<>();
        int[] removed = {0};
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> valid = new ArrayList<>();
            for (String n : m.group(1).split("\\s*,\\s*")) {
                int i = Integer.parseInt(n);
                if (i >= 1 && i <= sources) {
                    valid.add(String.valueOf(i));
                    cited.add(i);
                } else {
                    removed[0]++;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(valid.isEmpty() ? "" : "[" + String.join(", ", valid) + "]"));
        }
        m.appendTail(out);
        String cleaned = out.toString().replaceAll("[ \\t]+([.,;:!?])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
        return new Result(cleaned, List.copyOf(cited), removed[0]);
    }
}
