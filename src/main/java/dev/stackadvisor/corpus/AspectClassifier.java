package dev.stackadvisor.corpus;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides what a sentence says about its framework: from the heading or table column it sits under when
 * the article labels it ("Strengths", "Potential Limitations", "Watch out for"), else from cue words.
 * The vocabularies are data ({@code analysis/aspect-cues.json}, see {@link ReadingCues}); extend them when
 * documents label their sections differently.
 */
public final class AspectClassifier {

    private final ReadingCues cues = ReadingCues.BUNDLED;

    /**
     * The aspect a heading or table column labels, if it is one of the known labels.
     *
     * @param label heading or column text, any case, numbering and trailing ':' allowed
     */
    public Optional<Aspect> label(String label) {
        String l = normalizeLabel(label);
        if (cues.watchOutLabel().matcher(l).find()) {
            return Optional.of(Aspect.WEAKNESS);
        }
        if (cues.fitLabel().matcher(l).find()) {
            return Optional.of(Aspect.FIT);
        }
        if (cues.strengthLabel().matcher(l).find()) {
            return Optional.of(Aspect.STRENGTH);
        }
        if (cues.overviewLabel().matcher(l).find()) {
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
        if (cues.watchOutCue().matcher(s).find()) {
            return Aspect.WEAKNESS;
        }
        if (cues.overviewCue().matcher(s).find()) {
            return Aspect.OVERVIEW;
        }
        if (cues.fitCue().matcher(s).find()) {
            return Aspect.FIT;
        }
        if (cues.strengthCue().matcher(s).find()) {
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
