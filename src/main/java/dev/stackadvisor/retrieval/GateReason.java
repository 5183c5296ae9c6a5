package dev.stackadvisor.retrieval;

/**
 * Why the relevance gate let a question through or refused it. {@link #code()} is what the API, logs and
 * metrics show (unchanged from the strings used before the enum).
 */
public enum GateReason {
    /** The sources can answer. */
    OK("ok"),
    /** It refers to an earlier turn ("and its limitations?") that does not exist. */
    NEEDS_CONTEXT("needs_context"),
    /** It names only frameworks no article discusses. */
    NOT_COVERED("not_covered"),
    /** Its words are not what the passages talk about. */
    OFF_TOPIC("off_topic"),
    /** It names a covered framework but asks with words the corpus never uses. */
    UNKNOWN_TERMS("unknown_terms"),
    /** It asks for a kind of fact (a licence, a version) no retrieved sentence about its subject states. */
    NO_FACT("no_fact"),
    /** It asks one specific thing no retrieved sentence covers (answer selection: {@link AnswerSelector}). */
    NOT_ANSWERED("no_answer");

    private final String code;

    GateReason(String code) {
        this.code = code;
    }

    /** The reason as the API and logs write it ({@code "unknown_terms"}). */
    public String code() {
        return code;
    }

    /** Whether an answer may be composed. */
    public boolean grounded() {
        return this == OK;
    }
}
