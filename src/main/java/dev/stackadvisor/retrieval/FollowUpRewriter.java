package dev.stackadvisor.retrieval;

import java.util.Optional;

/**
 * Restates a follow-up ("and its limitations?") as a standalone question from the conversation (an LLM does it;
 * {@link QueryAnalyzer#transform} reads the result).
 */
@FunctionalInterface
public interface FollowUpRewriter {

    /** The standalone question, or empty when it cannot be had (the rules' reading then stands). */
    Optional<String> rewrite(String followUp);
}
