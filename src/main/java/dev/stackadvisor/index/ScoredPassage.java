package dev.stackadvisor.index;

import dev.stackadvisor.corpus.Passage;

/**
 * A passage with the score one index gave it for one query.
 *
 * @param passage the passage
 * @param score   BM25 score (unbounded, ≥ 0) for the keyword index; cosine similarity in [-1, 1] for the dense one
 */
public record ScoredPassage(Passage passage, double score) {
}
