package dev.stackadvisor.corpus;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what a sentence says about its framework: from the heading or table column it sits under when
 * the article labels it ("Strengths", "Potential Limitations", "Watch out for"), else from cue words.
 * The vocabularies come from the headings and columns the five articles use; extend them when an article
 * labels its sections differently.
 */
public final class AspectClassifier {

    private static final Pattern FIT_LABEL = Pattern.compile(
            "^(best use cases?|ideal use cases?|use cases?|best fit( for)?|best for|sweet spot|ideal business type"
                    + "|recommended( \\w+)? frameworks?|popular choices)\\b");
    private static final Pattern STRENGTH_LABEL = Pattern.compile(
            "^(strengths?|advantages?|features?|benefits?|main strengths|why (businesses|teams) choose\\b.*"
                    + "|why these( \\w+)? frameworks work well)$");
    private static final Pattern WEAKNESS_LABEL = Pattern.compile(
            "^(weaknesses?|potential limitations?|limitations?|disadvantages?|drawbacks?|main watchouts?"
                    + "|watch ?outs?( for)?)$");
    private static final Pattern OVERVIEW_LABEL = Pattern.compile("^(what it is|overview|language)$");

    private static final Pattern WEAKNESS_CUE = Pattern.compile(
            "\\b(weak\\w*|limitations?|drawbacks?|downsides?|pitfalls?|watch ?outs?|steeper|steep|heavier"
                    + "|heavyweight|verbos\\w*|struggle\\w*|not always|not ideal|not suitable|not the first"
                    + "|less (flexible|suitable|batteries)|harder|difficult\\w*|requires more|needs? careful"
                    + "|careful (planning|structure)|can feel|may feel|unnecessary overhead|tax|trap|fall\\w* short|smaller"
                    + "|more assembly|memory (footprint|usage)|learning curve|fragmented|complex for|messy"
                    + "|challenging|unopinionated|no built-in)\\b");
    private static final Pattern FIT_CUE = Pattern.compile(
            "\\b(best fit|better fit|fits?|suits?|ideal for|best for|well-suited|well suited|makes the most sense"
                    + "|better choice|cleanest choice|strong choice|clearest options?|default|works? (particularly )?well"
                    + "|favou?rs?|choice for|sweet spot|perfect for|designed for|built for|ideal|beneficial for"
                    + "|earn their keep|^use \\w+ (for|when))\\b");
    private static final Pattern OVERVIEW_CUE = Pattern.compile(
            "\\b((is|are) (an? |the )?([\\w.,’'-]+ ){0,5}(framework|runtime|runtimes|project|toolkits?)|built on|built with"
                    + "|written in|developed by|redesign)\\b");
    private static final Pattern STRENGTH_CUE = Pattern.compile(
            "\\b(strong\\w*|excellent|mature|productive|productivity|fast\\w*|high[- ]performance|robust|clean\\w*"
                    + "|predictab\\w*|reliab\\w*|secure|built-in|batteries|type hints|dependency injection|powerful"
                    + "|efficient\\w*|scalab\\w*|saves? time|low overhead|simple|flexib\\w*)\\b");

    /**
     * The aspect a heading or table column labels, if it is one of the known labels.
     *
     * @param label heading or column text, any case, numbering and trailing ':' allowed
     */
    public Optional<Aspect> label(String label) {
        String l = normalizeLabel(label);
        if (WEAKNESS_LABEL.matcher(l).find()) {
            return Optional.of(Aspect.WEAKNESS);
        }
        if (FIT_LABEL.matcher(l).find()) {
            return Optional.of(Aspect.FIT);
        }
        if (STRENGTH_LABEL.matcher(l).find()) {
            return Optional.of(Aspect.STRENGTH);
        }
        if (OVERVIEW_LABEL.matcher(l).find()) {
            return Optional.of(Aspect.OVERVIEW);
        }
        return Optional.empty();
    }

    /**
     * The aspect of a prose sentence about a framework, from cue words; watch-outs are checked first because
     * "heavier for thin JSON APIs" is a warning even though it names a use.
     */
    public Aspect cue(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        if (WEAKNESS_CUE.matcher(s).find()) {
            return Aspect.WEAKNESS;
        }
        if (OVERVIEW_CUE.matcher(s).find()) {
            return Aspect.OVERVIEW;
        }
        if (FIT_CUE.matcher(s).find()) {
            return Aspect.FIT;
        }
        if (STRENGTH_CUE.matcher(s).find()) {
            return Aspect.STRENGTH;
        }
        return Aspect.GENERAL;
    }

    static String normalizeLabel(String label) {
        return Segmenter.fold(label).toLowerCase(Locale.ROOT)
                .replaceFirst("^\\d+\\.\\s*", "")
                .replaceAll("[:?]+$", "")
                .trim();
    }
}
