package dev.stackadvisor.corpus;

import java.util.List;

/**
 * One entry of the framework lexicon.
 *
 * @param name     canonical name used everywhere in answers and APIs ("Express.js")
 * @param language the language or platform it is written for ("TypeScript/JavaScript")
 * @param aliases  lower-case spellings that name it in text, the canonical name included
 * @param platform true for a runtime others build on (Node.js, Deno, Bun): "we're a node shop" names the
 *                 team's platform, not the framework they are asking about
 * @param commonWords aliases that are also ordinary English words ("express", "spring", "echo"): in a question
 *                 they name the framework only in a software context (see retrieval.Mentions)
 */
public record Framework(String name, String language, List<String> aliases, boolean platform, List<String> commonWords) {
    public Framework {
        aliases = List.copyOf(aliases);
        commonWords = List.copyOf(commonWords);
    }

    /** A framework none of whose aliases is an ordinary word. */
    public Framework(String name, String language, List<String> aliases, boolean platform) {
        this(name, language, aliases, platform, List.of());
    }
}
