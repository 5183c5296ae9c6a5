package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An answer being laid out: lines made of plain text and claims, each line with a priority. Rendering drops
 * the least important lines until the text fits the word budget, then numbers the claims in order of first
 * appearance, so {@code [1]} is always the first marker read.
 */
final class Draft {

    /** A claim that ends a sentence of its own (the whole text on one line, ending in . ! or ?). */
    private static final Pattern CLOSED = Pattern.compile(".*[.!?]$");
    private static final Pattern DOUBLE_SPACES = Pattern.compile(" {2,}");

    private record Line(int priority, List<Object> pieces) {
    }

    /** A citation marker for a claim whose words the line states itself ("Rails Moderate [3]"). */
    record Ref(Claim claim) {
    }

    /** The rendered answer text and its citations. */
    record Rendered(String text, List<Citation> citations) {
    }

    private final List<Line> lines = new ArrayList<>();

    /**
     * Adds a line.
     *
     * @param priority 0 = always kept; larger numbers are dropped first when over budget
     * @param pieces   {@link String}s, {@link Claim}s (stated and cited) and {@link Ref}s (cited); nulls are skipped, and a line left without a claim
     *                 that needed one should not be added
     */
    Draft line(int priority, Object... pieces) {
        List<Object> kept = new ArrayList<>();
        for (Object p : pieces) {
            if (p != null) {
                kept.add(p);
            }
        }
        if (!kept.isEmpty()) {
            lines.add(new Line(priority, kept));
        }
        return this;
    }

    /**
     * @param maxWords   word budget of the text, markers not counted
     * @param citationOf makes the citation for a claim given its number
     */
    Rendered render(int maxWords, java.util.function.BiFunction<Claim, Integer, Citation> citationOf) {
        List<Line> kept = new ArrayList<>(lines);
        while (words(kept) > maxWords) {
            int worst = -1;
            for (int i = 0; i < kept.size(); i++) {
                if (kept.get(i).priority() > 0 && (worst < 0 || kept.get(i).priority() >= kept.get(worst).priority())) {
                    worst = i;
                }
            }
            if (worst < 0) {
                break;
            }
            kept.remove(worst);
        }
        Map<String, Citation> numbered = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Line line : kept) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            StringBuilder b = new StringBuilder();
            for (Object p : line.pieces()) {
                if (p instanceof Ref ref) {
                    Citation citation = numbered.computeIfAbsent(ref.claim().key(),
                            k -> citationOf.apply(ref.claim(), numbered.size() + 1));
                    b.append(" [").append(citation.n()).append(']');
                } else if (p instanceof Claim c) {
                    Citation citation = numbered.computeIfAbsent(c.key(), k -> citationOf.apply(c, numbered.size() + 1));
                    String shown = c.display().strip();
                    // every claim ends a sentence: "…low overhead [1]." (table cells carry no full stop of their own)
                    boolean closed = CLOSED.matcher(shown).matches();
                    String end = closed ? shown.substring(shown.length() - 1) : ".";
                    b.append(closed ? shown.substring(0, shown.length() - 1) : shown)
                            .append(" [").append(citation.n()).append(']').append(end);
                } else {
                    b.append(p);
                }
            }
            text.append(DOUBLE_SPACES.matcher(b).replaceAll(" ").strip());
        }
        return new Rendered(text.toString(), List.copyOf(numbered.values()));
    }

    private static int words(List<Line> lines) {
        int n = 0;
        for (Line l : lines) {
            for (Object p : l.pieces()) {
                String s = p instanceof Claim c ? c.display() : p instanceof Ref ? "" : p.toString();
                if (!s.isBlank()) {
                    n += Words.count(s);
                }
            }
        }
        return n;
    }
}
