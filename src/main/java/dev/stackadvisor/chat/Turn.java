package dev.stackadvisor.chat;

import java.util.List;

/**
 * One exchange of a conversation.
 *
 * @param question   what the user asked
 * @param frameworks the frameworks the answer discussed (what "it" refers to next)
 * @param answer     the answer text
 */
public record Turn(String question, List<String> frameworks, String answer) {
    public Turn {
        frameworks = List.copyOf(frameworks);
    }
}
