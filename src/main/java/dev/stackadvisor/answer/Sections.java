package dev.stackadvisor.answer;

import java.util.List;
import java.util.Map;

/**
 * An extractive answer as structure, beside its text, so a client can show frameworks side by side: the verdict
 * line, the notes around the framework blocks, and per framework what the sources say it fits, its strengths and
 * its watch-outs, each item with its citation number. Concept answers have no framework blocks.
 *
 * @param verdict    the first line of the answer (light Markdown, with its {@code [n]} markers)
 * @param notes      the other lines outside the framework blocks (team fit, context, disagreements), in order
 * @param frameworks one block per framework the answer discusses, in the order the text shows them
 */
public record Sections(String verdict, List<String> notes, List<Framework> frameworks) {
    public Sections {
        notes = List.copyOf(notes);
        frameworks = List.copyOf(frameworks);
    }

    /**
     * One quoted claim of a block.
     *
     * @param text the claim as the answer states it (verbatim from the article, white space folded)
     * @param n    its citation number: {@code citations[n - 1]} of the same response
     */
    public record Item(String text, int n) {
    }

    /** One list of a framework block with the label its items carry in the answer's text ({@link Framework#labelled}). */
    public record Labelled(String label, List<Item> items) {
    }

    /**
     * What the answer says about one framework.
     *
     * @param name      canonical name
     * @param language  its language (from the lexicon), or null
     * @param overview  what it is
     * @param fit       what it fits, or the claim that answers the question about it
     * @param strengths its strengths
     * @param watchOuts its watch-outs
     * @param evidence  case studies about it
     */
    public record Framework(String name, String language, List<Item> overview, List<Item> fit, List<Item> strengths,
                            List<Item> watchOuts, List<Item> evidence) {
        public Framework {
            overview = List.copyOf(overview);
            fit = List.copyOf(fit);
            strengths = List.copyOf(strengths);
            watchOuts = List.copyOf(watchOuts);
            evidence = List.copyOf(evidence);
        }

        /**
         * Its lists in the order an answer's text shows them, each under the label the text gives its items ("What
         * it is", "Fit", "Strength", "Watch out", "One case study"): for clients that lay a block out themselves.
         * A static method, not an accessor, so that the JSON of a block stays its components.
         */
        public static List<Labelled> labelled(Framework f) {
            return List.of(new Labelled(Draft.Kind.OVERVIEW.label, f.overview()), new Labelled(Draft.Kind.FIT.label, f.fit()),
                    new Labelled(Draft.Kind.STRENGTH.label, f.strengths()), new Labelled(Draft.Kind.WATCH_OUT.label, f.watchOuts()),
                    new Labelled(Draft.Kind.CASE_STUDY.label, f.evidence()));
        }

        static Framework of(String name, String language, Map<Draft.Kind, List<Item>> items) {
            List<Item> fit = new java.util.ArrayList<>(items.getOrDefault(Draft.Kind.POINT, List.of()));
            fit.addAll(items.getOrDefault(Draft.Kind.FIT, List.of()));
            return new Framework(name, language, items.getOrDefault(Draft.Kind.OVERVIEW, List.of()), fit,
                    items.getOrDefault(Draft.Kind.STRENGTH, List.of()), items.getOrDefault(Draft.Kind.WATCH_OUT, List.of()),
                    items.getOrDefault(Draft.Kind.CASE_STUDY, List.of()));
        }
    }
}
