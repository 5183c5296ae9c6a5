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
 */
public record Framework(String name, String language, List<String> aliases, boolean platform) {
    public Framework {
        aliases = List.copyOf(aliases);
    }
}
