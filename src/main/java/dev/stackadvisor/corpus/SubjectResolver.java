package dev.stackadvisor.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which frameworks a sentence makes a claim about, as opposed to merely naming.
 * <ol>
 *   <li>frameworks named before the sentence's first verb, unless introduced as a comparison
 *       ("like", "than", "compared to"…): "NestJS is the better fit…" is about NestJS;</li>
 *   <li>else the frameworks of the section heading, less any the sentence names in passing:
 *       "Its ecosystem is smaller compared to Express.js or NestJS" under "Fastify" is about Fastify;</li>
 *   <li>else, when it opens with a pronoun ("It", "Its", "They"), the previous sentence's subjects;</li>
 *   <li>else every framework it names other than in comparison.</li>
 * </ol>
 */
final class SubjectResolver {

    private static final Pattern VERB = Pattern.compile(
            "\\b(is|are|was|were|remains?|offers?|has|have|works?|suits?|fits?|makes?|provides?|gives?|lets|allows?"
                    + "|can|could|may|might|will|would|should|does|do|becomes?|stays?|stayed|continues?|emerged|settled"
                    + "|leverages?|follows?|encourages?|aims?|requires?|supports?|delivers?|handles?|enables?|uses?"
                    + "|favou?rs?|earn|gives?|needs?|tends?|helps?|assume|lies|sits)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A comparison word shortly before a name, with no clause break between: "compared to lightweight
     * frameworks like Flask", "than plain Express". Examples ("such as Gin", "a Node framework like NestJS")
     * are not comparisons: they name what the sentence is about.
     */
    private static final Pattern COMPARISON_BEFORE = Pattern.compile(
            "(\\bthan|compared (to|with)|\\bvs\\.?|\\bversus|\\bunlike|\\bover|instead of|rather than)\\b[^.;:–—]{0,40}$",
            Pattern.CASE_INSENSITIVE);
    /** A subject pronoun early in a sentence: "Despite predictions of decline, it remains the default…". */
    private static final Pattern EARLY_PRONOUN = Pattern.compile(
            "^(\\S+\\s+){0,7}?(it|its|it's|it’s|they|their)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN_START = Pattern.compile(
            "^(it|its|it's|it’s|they|their|both|neither)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_JOIN = Pattern.compile("^\\s*(,|/|or|and|, or|, and)\\s*$", Pattern.CASE_INSENSITIVE);

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
        Matcher verb = VERB.matcher(sentence);
        int leadingEnd = verb.find() ? verb.start() : sentence.length();
        boolean previousWasComparison = false;
        int previousEnd = -1;
        for (FrameworkLexicon.Mention m : mentions) {
            all.add(m.framework());
            // "like Django or Ruby on Rails": a comparison carries over a list of names
            boolean comparison = COMPARISON_BEFORE.matcher(sentence.substring(Math.max(0, m.start() - 60), m.start())).find()
                    || (previousWasComparison && LIST_JOIN.matcher(sentence.substring(previousEnd, m.start())).matches());
            previousWasComparison = comparison;
            previousEnd = m.end();
            if (!comparison) {
                plain.add(m.framework());
                if (m.start() < leadingEnd) {
                    leading.add(m.framework());
                }
            }
        }
        List<String> subjects;
        if (!leading.isEmpty()) {
            subjects = new ArrayList<>(leading);
        } else if (!sectionSubjects.isEmpty()) {
            subjects = new ArrayList<>(sectionSubjects);
            subjects.removeAll(all);
            if (subjects.isEmpty()) {
                subjects = new ArrayList<>(sectionSubjects);
            }
        } else if (all.isEmpty() && (PRONOUN_START.matcher(sentence.trim()).find()
                || (samePargraph && EARLY_PRONOUN.matcher(sentence.trim()).find()))) {
            subjects = previous;
        } else {
            subjects = new ArrayList<>(plain);
        }
        return new Resolved(List.copyOf(subjects), List.copyOf(all));
    }

    record Resolved(List<String> subjects, List<String> mentions) {
    }
}
