package dev.stackadvisor.retrieval;

/**
 * The tuning of every retrieval stage, one record per stage, read from {@link TuningFile#RESOURCE}
 * (docs/retrieval.md says how each value was measured; bench/calibration/calibrate.sh repeats the measurements).
 *
 * @param analysis    question analysis
 * @param retrieval   rankers and fusion
 * @param recommender scenario recommendations
 * @param gate        the relevance gate
 * @param selection   answer selection
 */
public record Tuning(AnalysisTuning analysis, RetrievalTuning retrieval, RecommenderTuning recommender, GateTuning gate,
                     SelectionTuning selection) {

    /**
     * The bundled values.
     *
     * @throws IllegalArgumentException when a value is missing, undocumented or out of range
     */
    public static Tuning bundled() {
        return from(TuningFile.bundled());
    }

    /** Reads every retrieval section of {@code file} (other sections, such as the composer's, are read by their stage). */
    public static Tuning from(TuningFile file) {
        return new Tuning(AnalysisTuning.from(file.section("analysis")), RetrievalTuning.from(file.section("retrieval")),
                RecommenderTuning.from(file.section("recommender")), GateTuning.from(file.section("gate")),
                SelectionTuning.from(file.section("selection")));
    }
}
