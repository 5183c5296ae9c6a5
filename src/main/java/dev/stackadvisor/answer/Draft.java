package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * An extractive answer being laid out: a verdict, notes, bullets, one block per framework (its items by kind) and
 * closing lines, each entry with a priority; plus the set of sentences already quoted, so no sentence is quoted
 * twice. Rendering drops the least important entries until the text fits the word budget, numbers the claims in
 * reading order (so {@code [1]} is always the first marker read) and writes both the light-Markdown text and the
 * same answer as {@link Sections}. Used by one request thread only.
 */
final class Draft {

    /** A piece of a line: words of our own, a quoted claim, or a citation of a claim whose words the line states. */
    sealed interface Piece permits Text, Quote, Cite {
    }

    /** Words the composer writes itself ("For this, the sources lean to"). */
    record Text(String text) implements Piece {
    }

    /** A claim stated in its own words and cited: "…low overhead [1]." */
    record Quote(Claim claim) implements Piece {
    }

    /** A citation marker for a claim whose words the line states itself ("Rails Moderate [3]"). */
    record Cite(Claim claim) implements Piece {
    }

    /** What a framework block's item says about it; {@link #label} is how the text names it. */
    enum Kind {
        POINT("On this"), OVERVIEW("What it is"), FIT("Fit"), STRENGTH("Strength"), WATCH_OUT("Watch out"),
        CASE_STUDY("One case study");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The rendered answer: Markdown text, its citations, and the same answer as sections. */
    record Rendered(String text, List<Citation> citations, Sections sections) {
    }

    private enum Part { VERDICT, NOTE, BULLET, FRAMEWORK, AFTER }

    private record Entry(Part part, int priority, String framework, Kind kind, List<Piece> pieces) {
    }

    /** A claim that ends a sentence of its own (the whole text ending in . ! or ?). */
    private static final Pattern CLOSED = Pattern.compile(".*[.!?]$");
    private static final Pattern DOUBLE_SPACES = Pattern.compile(" {2,}");

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> frameworkOrder = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private boolean hasVerdict;

    static Text text(String s) {
        return new Text(s);
    }

    static Quote quote(Claim c) {
        return new Quote(c);
    }

    static Cite cite(Claim c) {
        return new Cite(c);
    }

    /** Keys of the sentences quoted so far ({@link Claim#sentenceKeys()}), read-only: what pickers must skip. */
    Set<String> used() {
        return Collections.unmodifiableSet(used);
    }

    /** Marks a claim's sentences as quoted and returns it; null for an empty option. */
    Claim take(Optional<Claim> claim) {
        claim.ifPresent(c -> used.addAll(c.sentenceKeys()));
        return claim.orElse(null);
    }

    /**
     * Sets the verdict: the first line, always kept. A second verdict (the layout's, after a fact that answers
     * the question came first) becomes the first note, also always kept.
     */
    Draft verdict(Piece... pieces) {
        if (hasVerdict) {
            int at = 0;
            while (at < entries.size() && entries.get(at).part() == Part.VERDICT) {
                at++;
            }
            entries.add(at, new Entry(Part.NOTE, 0, null, null, List.of(pieces)));
        } else {
            add(Part.VERDICT, 0, null, null, pieces);
            hasVerdict = true;
        }
        return this;
    }

    /** A line after the verdict (context, team fit). @param priority 0 = always kept; larger = dropped first */
    Draft note(int priority, Piece... pieces) {
        return add(Part.NOTE, priority, null, null, pieces);
    }

    /** A bulleted claim after the notes (concept answers). */
    Draft bullet(int priority, Claim claim) {
        return claim == null ? this : add(Part.BULLET, priority, null, null, quote(claim));
    }

    /** Fixes the order of the framework blocks (others follow in the order they first get an item). */
    Draft frameworks(List<String> names) {
        for (String f : names) {
            if (!frameworkOrder.contains(f)) {
                frameworkOrder.add(f);
            }
        }
        return this;
    }

    /** An item of {@code framework}'s block; blocks appear in the order their frameworks first get an item. */
    Draft item(int priority, String framework, Kind kind, Claim claim) {
        if (claim == null) {
            return this;
        }
        if (!frameworkOrder.contains(framework)) {
            frameworkOrder.add(framework);
        }
        return add(Part.FRAMEWORK, priority, framework, kind, quote(claim));
    }

    /** A line after the framework blocks (disagreements, what is not covered). */
    Draft after(int priority, Piece... pieces) {
        return add(Part.AFTER, priority, null, null, pieces);
    }

    private Draft add(Part part, int priority, String framework, Kind kind, Piece... pieces) {
        List<Piece> kept = new ArrayList<>();
        for (Piece p : pieces) {
            if (p != null) {
                kept.add(p);
            }
        }
        if (!kept.isEmpty()) {
            entries.add(new Entry(part, priority, framework, kind, List.copyOf(kept)));
        }
        return this;
    }

    /**
     * @param maxWords   word budget of the text (markers and Markdown marks not counted, headings and labels counted)
     * @param citationOf makes the citation for a claim given its number
     * @param languageOf a framework's language for its block heading, or null when unknown
     */
    Rendered render(int maxWords, BiFunction<Claim, Integer, Citation> citationOf, Function<String, String> languageOf) {
        return render(maxWords, citationOf, languageOf, c -> 0);
    }

    /**
     * As {@link #render(int, BiFunction, Function)}, each framework block's items ordered by {@code relevance} to the
     * question, most relevant first (equal ones keep the order the layout gave them: by aspect asked).
     */
    Rendered render(int maxWords, BiFunction<Claim, Integer, Citation> citationOf, Function<String, String> languageOf,
                    ToDoubleFunction<Claim> relevance) {
        List<Entry> kept = new ArrayList<>(entries);
        while (words(kept, languageOf) > maxWords) {
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
        Numbering numbering = new Numbering(citationOf);
        List<String> paragraphs = new ArrayList<>();
        String verdict = "";
        List<String> notes = new ArrayList<>();
        for (Part part : List.of(Part.VERDICT, Part.NOTE, Part.BULLET)) {
            List<String> bullets = new ArrayList<>();
            for (Entry e : kept) {
                if (e.part() != part) {
                    continue;
                }
                String line = numbering.line(e.pieces());
                switch (part) {
                    case VERDICT -> {
                        verdict = line;
                        paragraphs.add(line);
                    }
                    case NOTE -> {
                        notes.add(line);
                        paragraphs.add(line);
                    }
                    case BULLET -> bullets.add("- " + line);
                    default -> throw new IllegalStateException(part.toString());
                }
            }
            if (!bullets.isEmpty()) {
                paragraphs.add(String.join("\n", bullets));
            }
        }
        List<Sections.Framework> blocks = new ArrayList<>();
        for (String f : frameworkOrder) {
            Map<Kind, List<Sections.Item>> items = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            List<Entry> block = new ArrayList<>();
            for (Entry e : kept) {
                if (e.part() == Part.FRAMEWORK && e.framework().equals(f)) {
                    block.add(e);
                }
            }
            Map<Entry, Double> relevanceOf = new IdentityHashMap<>(); // once per item, not per comparison
            block.forEach(e -> relevanceOf.put(e, relevance.applyAsDouble(((Quote) e.pieces().get(0)).claim())));
            block.sort(Comparator.comparingDouble((Entry e) -> -relevanceOf.get(e))); // stable
            for (Entry e : block) {
                Claim c = ((Quote) e.pieces().get(0)).claim();
                lines.add("- " + e.kind().label + ": " + numbering.line(e.pieces()));
                items.computeIfAbsent(e.kind(), k -> new ArrayList<>())
                        .add(new Sections.Item(c.display().strip(), numbering.number(c)));
            }
            if (!lines.isEmpty()) {
                String language = languageOf.apply(f);
                paragraphs.add("**" + f + "**" + (language == null ? "" : " (" + language + ")") + "\n" + String.join("\n", lines));
                blocks.add(Sections.Framework.of(f, language, items));
            }
        }
        for (Entry e : kept) {
            if (e.part() == Part.AFTER) {
                String line = numbering.line(e.pieces());
                notes.add(line);
                paragraphs.add(line);
            }
        }
        return new Rendered(String.join("\n\n", paragraphs), numbering.citations(), new Sections(verdict, notes, blocks));
    }

    /** Numbers claims in order of first appearance and renders pieces with their markers. */
    private static final class Numbering {
        private final BiFunction<Claim, Integer, Citation> citationOf;
        private final Map<String, Citation> numbered = new LinkedHashMap<>();

        Numbering(BiFunction<Claim, Integer, Citation> citationOf) {
            this.citationOf = citationOf;
        }

        int number(Claim c) {
            return numbered.computeIfAbsent(c.key(), k -> citationOf.apply(c, numbered.size() + 1)).n();
        }

        String line(List<Piece> pieces) {
            StringBuilder b = new StringBuilder();
            for (Piece p : pieces) {
                if (p instanceof Text t) {
                    b.append(t.text());
                } else if (p instanceof Cite ref) {
                    b.append(" [").append(number(ref.claim())).append(']');
                } else if (p instanceof Quote q) {
                    int n = number(q.claim());
                    String shown = q.claim().display().strip();
                    // every claim ends a sentence: "…low overhead [1]." (table cells carry no full stop of their own)
                    boolean closed = CLOSED.matcher(shown).matches();
                    String end = closed ? shown.substring(shown.length() - 1) : ".";
                    b.append(closed ? shown.substring(0, shown.length() - 1) : shown)
                            .append(" [").append(n).append(']').append(end);
                }
            }
            return DOUBLE_SPACES.matcher(b).replaceAll(" ").strip();
        }

        List<Citation> citations() {
            return List.copyOf(numbered.values());
        }
    }

    private int words(List<Entry> kept, Function<String, String> languageOf) {
        int n = 0;
        Set<String> headed = new HashSet<>();
        for (Entry e : kept) {
            if (e.part() == Part.FRAMEWORK) {
                n += Words.count(e.kind().label);
                if (headed.add(e.framework())) {
                    String language = languageOf.apply(e.framework());
                    n += Words.count(e.framework() + (language == null ? "" : " " + language));
                }
            }
            for (Piece p : e.pieces()) {
                String s = p instanceof Text t ? t.text() : p instanceof Quote q ? q.claim().display() : "";
                if (!s.isBlank()) {
                    n += Words.count(s);
                }
            }
        }
        return n;
    }
}
