package dev.stackadvisor.retrieval;

/**
 * The relevance gate's verdict on whether the sources can answer a question.
 *
 * @param grounded  true when the answer may be composed from the retrieved passages
 * @param reason    {@code ok}, {@code needs_context} (refers to an earlier turn that does not exist),
 *                  {@code not_covered} (only frameworks no article discusses),
 *                  {@code off_topic} (the question's words are not what the passages talk about),
 *                  {@code unknown_terms} (its words are ones the corpus never uses) or
 *                  {@code no_fact} (it asks for a kind of fact, a licence or a version, that no retrieved
 *                  sentence about its subject states)
 * @param coverage  IDF-weighted share of the question's topic words found in the best passage, 0..1
 * @param denseTop  best cosine similarity of a passage to the question, or NaN in keyword mode
 */
public record GateDecision(boolean grounded, String reason, double coverage, double denseTop) {
}
