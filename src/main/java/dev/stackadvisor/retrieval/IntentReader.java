package dev.stackadvisor.retrieval;

import java.util.List;

/**
 * What kind of question one is, read on its own (a follow-up's kind comes with what it takes from the previous turn,
 * {@link FollowUps#merge}): two or more covered frameworks named, a comparison; one, about it; none, a scenario when
 * it asks for a recommendation, or names the team's language beside a framework the corpus does not cover, or (hybrid)
 * its nearest intent phrasing is a scenario one ({@link Prototypes#intent}); else a concept. Immutable.
 */
final class IntentReader {

    private final Prototypes prototypes;

    /** @param prototypes example phrasings per intent, null in keyword mode */
    IntentReader(Prototypes prototypes) {
        this.prototypes = prototypes;
    }

    /**
     * @param found   what the question names ({@link Mentions#read})
     * @param reading its cues
     * @param vector  its embedding (float[384], L2-normalised), null in keyword mode
     */
    Intent read(Mentions.Found found, QuestionCues.Reading reading, float[] vector) {
        List<String> frameworks = found.frameworks();
        if (frameworks.size() >= 2) {
            return Intent.COMPARE;
        }
        if (frameworks.size() == 1) {
            return Intent.SINGLE;
        }
        if (reading.scenario() || (!found.languages().isEmpty() && !found.named().isEmpty())) {
            return Intent.SCENARIO;
        }
        return prototypes != null && prototypes.intent(vector) == Intent.SCENARIO ? Intent.SCENARIO : Intent.CONCEPT;
    }
}
