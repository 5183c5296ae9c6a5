package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Decides which frameworks a sentence makes a claim about, as opposed to merely naming.
 * <ol>
 *   <li>frameworks named before the sentence's first verb, unless introduced as a comparison
 *       ("like", "than", "compared to"…): "Gin suits small services…" is about Gin;</li>
 *   <li>else the frameworks of the section heading, less any the sentence names in passing:
 *       "Its plugin list is shorter than Express.js's" under "Fastify" is about Fastify;</li>
 *   <li>else, when it opens with a pronoun ("It", "Its", "They"), the previous sentence's subjects;</li>
 * </ol>
 * A sentence opening with a pronoun whose only names are comparands ("It's faster than FastAPI because it uses
 * msgspec") is about the previous sentence's framework, not its comparand nor a section framework it compares to.
 * <ol start="4">
 *   <li>else every framework it names other than in comparison.</li>
 * </ol>
 */
final class SubjectResolver {

    /** Verbs, comparison words ("than", "compared to"…; "such as" is an example, not a comparison), pronouns. */
    private final ReadingCues cues = ReadingCues.BUNDLED;

    private final FrameworkLexicon lexicon;

    SubjectResolver(FrameworkLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param sentence        the sentence text
     * @param sectionSubjects frameworks of the heading it sits under (may be empty)
     * @param previous        subjects of the sentence before it in the same section (may be empty)
     * @param samePargraph    whether that sentence is in the same paragraph or list item
     * @return the sentence's subjects (canonical names) and its mentions
     */
    Resolved resolve(String sentence, List<String> sectionSubjects, List<String> previous, boolean samePargraph) {
        List<FrameworkLexicon.Mention> mentions = lexicon.mentions(sentence);
        Set<String> all = new LinkedHashSet<>();
        Set<String> leading = new LinkedHashSet<>();
        Set<String> plain = new LinkedHashSet<>();
        Matcher verb = cues.verb().matcher(sentence);
        int leadingEnd = verb.find() ? verb.start() : sentence.length();
        boolean previousWasComparison = false;
        int previousEnd = -1;
        for (FrameworkLexicon.Mention m : mentions) {
            all.add(m.framework());
            // "like Django or Ruby on Rails": a comparison carries over a list of names
            boolean comparison = cues.comparisonBefore().matcher(sentence.substring(Math.max(0, m.start() - 60), m.start())).find()
                    || (previousWasComparison && cues.listJoin().matcher(sentence.substring(previousEnd, m.start())).matches());
            previousWasComparison = comparison;
            previousEnd = m.end();
            if (!comparison) {
                plain.add(m.framework());
                if (m.start() < leadingEnd) {
                    leading.add(m.framework());
                }
            }
        }
        boolean pronoun = cues.pronounStart().matcher(sentence.trim()).find()
                || (samePargraph && cues.earlyPronoun().matcher(sentence.trim()).find());
        List<String> previousNotCompared = new ArrayList<>(previous);
        previousNotCompared.removeAll(all);
        List<String> subjects;
        if (!leading.isEmpty()) {
            subjects = new ArrayList<>(leading);
        } else if (pronoun && plain.isEmpty() && !all.isEmpty() && !previousNotCompared.isEmpty()
                && all.containsAll(sectionSubjects)) {
            // "It's faster than FastAPI" after a sentence on Litestar: "it" is Litestar, FastAPI only the comparand
            subjects = previousNotCompared;
        } else if (!sectionSubjects.isEmpty()) {
            subjects = new ArrayList<>(sectionSubjects);
            subjects.removeAll(all);
            if (subjects.isEmpty()) {
                subjects = new ArrayList<>(sectionSubjects);
            }
        } else if (all.isEmpty() && pronoun) {
            subjects = previous;
        } else {
            subjects = new ArrayList<>(plain);
        }
        return new Resolved(List.copyOf(subjects), List.copyOf(all));
    }

    record Resolved(List<String> subjects, List<String> mentions) {
    }
}
