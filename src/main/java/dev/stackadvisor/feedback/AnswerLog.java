package dev.stackadvisor.feedback;

/**
 * Where answered turns go so that feedback can later refer to them by their answer id. Implementations must not
 * fail or block a turn: recording is best effort (a database that is down loses the record, counted and logged,
 * never the answer). Thread-safe.
 */
public interface AnswerLog {

    /** Records nothing: no database configured. */
    AnswerLog NONE = answer -> { };

    /** Takes one answered turn. */
    void record(AnswerRecord answer);
}
