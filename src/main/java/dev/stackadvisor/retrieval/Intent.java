package dev.stackadvisor.retrieval;

/** What kind of question it is; decides the shape of the answer. */
public enum Intent {
    /** Two or more frameworks named: weigh them against each other. */
    COMPARE,
    /** One framework named: what it is, fits, strengths, watch-outs, or the one thing asked. */
    SINGLE,
    /** No framework named, a situation described ("our team writes TypeScript and needs a chat backend"): recommend. */
    SCENARIO,
    /** No framework named, a general question ("advantages of a monolith?"): explain from the sources. */
    CONCEPT
}
