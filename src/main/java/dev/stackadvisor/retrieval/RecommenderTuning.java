package dev.stackadvisor.retrieval;

/**
 * Tuning of {@link ScenarioRecommender}, section {@code "recommender"} of {@link TuningFile#RESOURCE}.
 *
 * @param passages          top fused passages whose claims are weighed, 1..100
 * @param relevanceFloor    added to a passage's topic coverage before squaring, in [0, 1]: a passage that covers
 *                          none of the topic still counts a little
 * @param fitWeight         how much a claim under a fit or strength counts against 1 for any other, in [1, 10]
 * @param situationCoverage topic coverage, in [0, 1], from which a passage is about the question's situation and
 *                          its fit/strength claims are recommended first
 * @param minShareOfLeader  share of the leader's weight, in [0, 1], a framework needs to be recommended
 * @param maxRecommended    most frameworks recommended, 1..20
 */
public record RecommenderTuning(int passages, double relevanceFloor, double fitWeight, double situationCoverage,
                                double minShareOfLeader, int maxRecommended) {

    /** @throws IllegalArgumentException naming the value and its range */
    public RecommenderTuning {
        TuningFile.inRange("passages", passages, 1, 100);
        TuningFile.inRange("relevanceFloor", relevanceFloor, 0, 1);
        TuningFile.inRange("fitWeight", fitWeight, 1, 10);
        TuningFile.inRange("situationCoverage", situationCoverage, 0, 1);
        TuningFile.inRange("minShareOfLeader", minShareOfLeader, 0, 1);
        TuningFile.inRange("maxRecommended", maxRecommended, 1, 20);
    }
}
