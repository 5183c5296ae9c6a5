package dev.stackadvisor.corpus;

/**
 * What a sentence says about its subject framework. Set from the heading it sits under
 * ("Strengths", "Potential Limitations", a table column such as "Watch out for") or, for prose,
 * from cue words (see {@link AspectClassifier}).
 */
public enum Aspect {
    /** What it is: definitions, "built on", language. */
    OVERVIEW,
    /** Where it fits: use cases, "best for", "sweet spot". */
    FIT,
    /** Strengths, advantages, features. */
    STRENGTH,
    /** Weaknesses, limitations, watch-outs. */
    WEAKNESS,
    /** A rating from a comparison table (e.g. "Community: Moderate"). */
    RATING,
    /** Anything else: general advice, statistics, architecture. */
    GENERAL
}
