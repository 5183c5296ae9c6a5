package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Passage;

/**
 * A passage as fused retrieval ranked it.
 *
 * @param passage     the passage
 * @param score       its reciprocal-rank-fusion score, Σ 1/(k + rank) over the lists it appears in (k is
 *                    {@link RetrievalTuning#rrfK}; with k = 60, ≈ 0.033 for first place in both lists); the order
 *                    is the one langchain4j's ReciprocalRankFuser gives ({@link ReciprocalRankFusion})
 * @param keywordRank 1-based rank in the BM25 list, 0 when absent
 * @param denseRank   1-based rank in the dense list, 0 when absent (always 0 in keyword mode)
 */
public record RankedPassage(Passage passage, double score, int keywordRank, int denseRank) {
}
