package dev.stackadvisor.retrieval;

/**
 * The relevance gate's verdict on whether the sources can answer a question.
 *
 * @param outcome   why it may or may not be answered
 * @param coverage  IDF-weighted share of the question's topic words found in the best passage, 0..1
 * @param denseTop  best cosine similarity of a passage to the question, or NaN in keyword mode
 */
public record GateDecision(GateReason outcome, double coverage, double denseTop) {

    public GateDecision {
        java.util.Objects.requireNonNull(outcome, "outcome");
    }

    /** True when the answer may be composed from the retrieved passages ({@link GateReason#OK}). */
    public boolean grounded() {
        return outcome.grounded();
    }

    /** {@link GateReason#code()} of the outcome: {@code ok}, {@code off_topic}… as the API and logs write it. */
    public String reason() {
        return outcome.code();
    }

    /** The same measurements with another outcome. */
    public GateDecision with(GateReason other) {
        return new GateDecision(other, coverage, denseTop);
    }
}
