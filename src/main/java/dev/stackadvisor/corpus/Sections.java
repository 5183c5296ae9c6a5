package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a walk over one document stands: the section path a passage is filed under ("Django (Python) ›
 * Strengths"), the frameworks the section is about and the {@link Aspect} its heading labels, what the last
 * sentence was about, and the frameworks a list of bare names under the current heading recommends.
 *
 * <p>Two kinds of heading move it:
 * <ul>
 *   <li>a parser's heading ({@link #laidOut}) nests by level: it closes the headings at its level and below;</li>
 *   <li>a heading guessed from a plain-text line ({@link #guessed}) has no level: a heading that names
 *       frameworks opens their section; a known label ("Strengths", "Best Use Cases") or a label the document
 *       repeats is a sub-heading of the section it stands in; an image caption repeating the heading or naming
 *       only the section's frameworks is no heading at all.</li>
 * </ul>
 */
final class Sections {

    /** Between a section and its sub-heading in a passage's section path. */
    static final String SEPARATOR = " › ";

    /** A heading of a laid-out document, on the stack of those above the current line. */
    private record Head(int level, String label, List<String> frameworks, Aspect aspect) {
    }

    private final FrameworkLexicon lexicon;
    private final AspectClassifier aspects;
    /** The frameworks the document is about, for a laid-out section whose headings name none. */
    private final List<String> documentSubjects;
    /** Headings above the current line in a laid-out document. */
    private final List<Head> headings = new ArrayList<>();

    private String parent = "";
    private String sub = null;
    private List<String> subjects = List.of();
    private Aspect aspect = null;
    private List<String> lastSubjects = List.of();
    private String lastHeading = null;
    private boolean contentSinceHeading = false;
    /** Frameworks a list of bare names under the current heading recommends ("NestJS", "Fastify"…). */
    private List<String> recommended = new ArrayList<>();
    /** The sub-heading that list stood under. */
    private String recommendedUnder = "";

    /**
     * @param documentSubjects what the document as a whole is about (laid-out documents), else empty
     */
    Sections(FrameworkLexicon lexicon, AspectClassifier aspects, List<String> documentSubjects) {
        this.lexicon = lexicon;
        this.aspects = aspects;
        this.documentSubjects = documentSubjects;
    }

    /**
     * A heading of a laid-out document at {@code level} (1 = title): it closes the headings at its level and below.
     * The section is the last two headings under the title; its frameworks are those its headings name, deepest
     * first ("Previous tools › Flask › Inspired FastAPI to" is about FastAPI and Flask), its aspect the deepest
     * one labelled. It always opens a section: what is being packed ends.
     */
    void laidOut(String raw, int level) {
        String label = Segmenter.fold(raw).replaceAll("[:\\s]+$", "");
        while (!headings.isEmpty() && headings.get(headings.size() - 1).level() >= level) {
            headings.remove(headings.size() - 1);
        }
        // a question about "it" ("Does it run on Bun?") asks about the section's framework: what it names is
        // what the question asks about that framework, not the section's subject
        boolean asksAboutIt = label.endsWith("?") && ReadingCues.BUNDLED.earlyPronoun().matcher(label).find();
        headings.add(new Head(level, label, asksAboutIt ? List.of() : lexicon.names(label),
                aspects.label(label).orElse(null)));
        List<Head> path = headings.size() > 1 && headings.get(0).level() == 1
                ? headings.subList(1, headings.size()) : headings;
        parent = path.size() >= 2 ? path.get(path.size() - 2).label() : path.get(path.size() - 1).label();
        sub = path.size() >= 2 ? path.get(path.size() - 1).label() : null;
        Set<String> named = new LinkedHashSet<>();
        aspect = null;
        for (int h = headings.size() - 1; h >= 0; h--) {
            named.addAll(headings.get(h).frameworks());
            if (aspect == null) {
                aspect = headings.get(h).aspect();
            }
        }
        subjects = named.isEmpty() ? documentSubjects : List.copyOf(named);
        lastSubjects = subjects;
        recommended = new ArrayList<>();
        lastHeading = PlainTextReader.headingKey(raw);
        contentSinceHeading = false;
    }

    /**
     * A heading guessed from a plain-text line.
     *
     * @param repeated the document repeats the line under several sections ({@link Layout#REPEATED_LEVEL})
     * @return false when the line is a caption, not a heading (nothing changes); true when it opened a section or
     *         sub-section, which ends what is being packed
     */
    boolean guessed(String raw, boolean repeated) {
        String key = PlainTextReader.headingKey(raw);
        if (key.equals(lastHeading) && !contentSinceHeading) {
            return false; // an image caption repeating the heading
        }
        String label = Segmenter.fold(LineShapes.NUMBERING.matcher(raw).replaceFirst("")).replaceAll("[:\\s]+$", "");
        List<String> named = lexicon.names(label);
        Optional<Aspect> labelled = aspects.label(label);
        if (!contentSinceHeading && labelled.isEmpty() && isCaptionOf(label, named)) {
            return false; // an image caption ("Gin", "Go") under the section's own heading
        }
        if (labelled.isPresent() || (repeated && named.isEmpty())) {
            sub = label;
            aspect = labelled.orElse(null);
            if (subjects.isEmpty() && !named.isEmpty()) {
                subjects = named;
            }
        } else {
            parent = label;
            sub = null;
            aspect = null;
            subjects = named;
            recommended = new ArrayList<>();
        }
        lastSubjects = subjects;
        lastHeading = key;
        contentSinceHeading = false;
        return true;
    }

    /** A caption names only the section's frameworks, or uses only words of the heading above it. */
    private boolean isCaptionOf(String label, List<String> named) {
        if (!named.isEmpty()) {
            return subjects.containsAll(named);
        }
        if (lastHeading == null) {
            return false;
        }
        Set<String> above = new HashSet<>(List.of(lastHeading.split("[^a-z0-9]+")));
        String[] words = label.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        return words.length <= 3 && above.containsAll(List.of(words));
    }

    /** The section path a passage is filed under: "section › sub-heading", either alone, or "" at the top. */
    String path() {
        return sub == null ? parent : parent.isEmpty() ? sub : parent + SEPARATOR + sub;
    }

    /** The heading of a table row's passage: the section (not its sub-heading) and the row's label. */
    String rowPath(String rowLabel) {
        return parent.isEmpty() ? rowLabel : parent + SEPARATOR + rowLabel;
    }

    /** Something was said under the current heading: a line repeating it now is a heading again, not a caption. */
    void contentAdded() {
        contentSinceHeading = true;
    }

    /** The frameworks the section's headings name (may be empty). */
    List<String> subjects() {
        return subjects;
    }

    /** What the section's heading labels its sentences as, or {@code null}. */
    Aspect aspect() {
        return aspect;
    }

    /** What the last sentence (or heading) was about. */
    List<String> lastSubjects() {
        return lastSubjects;
    }

    /** Records what a sentence was about, for the next one to refer back to. */
    void said(List<String> about) {
        lastSubjects = about;
    }

    /** The frameworks recommended by a list of bare names under the current heading (a live list). */
    List<String> recommended() {
        return recommended;
    }

    /** A list item of bare names recommends them: what the section goes on to say of "these frameworks" is about them. */
    void recommend(List<String> names) {
        names.stream().filter(n -> !recommended.contains(n)).forEach(recommended::add);
        recommendedUnder = sub == null ? "" : sub;
    }

    /** Whether the current sub-heading is the one the recommendation list stood under. */
    boolean underRecommendation() {
        return (sub == null ? "" : sub).equals(recommendedUnder);
    }
}
