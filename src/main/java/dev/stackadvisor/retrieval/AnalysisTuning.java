package dev.stackadvisor.retrieval;

/**
 * Tuning of question analysis ({@link QueryAnalyzer}, {@link Prototypes}), section {@code "analysis"} of
 * {@link TuningFile#RESOURCE}.
 *
 * @param prototypeMinSimilarity cosine, in [0, 1], at which a question no cue word gives an aspect takes the aspect of
 *                               its nearest example phrasing (hybrid)
 * @param intentMinSimilarity    cosine, in [0, 1], at which a question naming no framework and holding no
 *                               recommendation cue takes the intent of its nearest SCENARIO/CONCEPT phrasing (hybrid)
 * @param frameworksPerLanguage  how many of a compared language's covered frameworks stand for it ("go or rust"), most
 *                               discussed first, in [1, 10]
 */
public record AnalysisTuning(double prototypeMinSimilarity, double intentMinSimilarity, int frameworksPerLanguage) {

    /** @throws IllegalArgumentException naming the value and its range */
    public AnalysisTuning {
        TuningFile.inRange("prototypeMinSimilarity", prototypeMinSimilarity, 0, 1);
        TuningFile.inRange("intentMinSimilarity", intentMinSimilarity, 0, 1);
        TuningFile.inRange("frameworksPerLanguage", frameworksPerLanguage, 1, 10);
    }
}
