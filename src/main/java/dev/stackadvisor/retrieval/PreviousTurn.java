package dev.stackadvisor.retrieval;

import java.util.List;

/**
 * What a follow-up can refer to: the previous question of the session and the frameworks its answer was about.
 *
 * @param question   the previous question as asked
 * @param frameworks the frameworks that answer discussed
 */
public record PreviousTurn(String question, List<String> frameworks) {
    public PreviousTurn {
        frameworks = List.copyOf(frameworks);
    }
}
