package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The tuning of every retrieval stage, one record per stage, bound by {@link TuningFile} from
 * {@link TuningFile#RESOURCE}, a component per stage object (the {@code "composer"} object is the answer package's,
 * bound there). docs/retrieval.md says how each value was measured; bench/calibration/calibrate.sh repeats the
 * measurements.
 *
 * @param analysis    question analysis
 * @param retrieval   rankers and fusion
 * @param recommender scenario recommendations
 * @param gate        the relevance gate
 * @param selection   answer selection
 */
@JsonIgnoreProperties("composer")
public record Tuning(AnalysisTuning analysis, RetrievalTuning retrieval, RecommenderTuning recommender, GateTuning gate,
                     SelectionTuning selection) {

    /** @throws IllegalArgumentException naming a stage that is missing */
    public Tuning {
        TuningFile.present("analysis", analysis);
        TuningFile.present("retrieval", retrieval);
        TuningFile.present("recommender", recommender);
        TuningFile.present("gate", gate);
        TuningFile.present("selection", selection);
    }

    /**
     * The bundled values.
     *
     * @throws IllegalArgumentException when a value is missing, undocumented or out of range
     */
    public static Tuning bundled() {
        return from(TuningFile.bundled());
    }

    /**
     * Binds every retrieval stage of {@code file}.
     *
     * @throws IllegalArgumentException when a value is missing, undocumented or out of range, or a key unknown
     */
    public static Tuning from(TuningFile file) {
        return file.bind(Tuning.class);
    }
}
