package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.retrieval.RankedPassage;
import dev.stackadvisor.retrieval.TermStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the sentences an extractive answer quotes: for each sentence of the ranked passages that passes the
 * filters (framework, aspects, already quoted, minimum relevance), the claim it makes ({@link ClaimSpans}) is scored
 * ({@link ClaimScorer}) and the best kept. A claim's relevance to the question is the IDF-weighted share of the
 * question's topic words it holds (its heading included); in hybrid mode its best sentence cosine to the question
 * adds a smaller term. Meaning orders the candidates but never lets a sentence pass as "the" answer on its own
 * (only relevance meets {@code minRelevance}). A case study is only ever chosen as one ({@link #caseStudy}).
 * Ties go to the earlier passage and sentence, so the choice is deterministic.
 *
 * <p>Cost: an answer asks for a dozen or more lines, each weighing every sentence of a framework's evidence. What
 * does not depend on the question is worked out once per corpus ({@link ClaimSpans}); what depends on the question
 * (relevance, similarity) once per question ({@link Question}). Thread-safe.
 */
final class ClaimPicker {

    private final ClaimSpans spans;
    private final ClaimScorer scorer;
    private final TermStats stats;
    private final int minClaimWords;
    /** Sentence embeddings by ordinal ({@link ClaimSpans#ordinals()}; null for one without); empty in keyword mode. */
    private final float[][] sentenceVectors;
    private final boolean hybrid;

    /** @param vectors sentence embeddings; null in keyword mode (words only) */
    ClaimPicker(ClaimSpans spans, SentenceVectors vectors, TermStats stats, ComposerTuning tuning) {
        this.spans = spans;
        this.scorer = new ClaimScorer(tuning);
        this.stats = stats;
        this.minClaimWords = tuning.minClaimWords();
        this.hybrid = vectors != null;
        Map<String, Integer> ordinals = spans.ordinals();
        sentenceVectors = new float[vectors == null ? 0 : ordinals.size()][];
        if (vectors != null) {
            ordinals.forEach((key, i) -> sentenceVectors[i] = vectors.vector(key));
        }
    }

    /** {@link ClaimSpans#terms}. */
    Set<String> terms(Claim c) {
        return spans.terms(c);
    }

    /** The analysed stems of any text. */
    Set<String> termsOf(String text) {
        return spans.termsOf(text);
    }

    /** Share (IDF-weighted, 0..1) of the topic words a claim holds; 0 for an empty topic. */
    double wordRelevance(Claim c, Question q) {
        return q.topic().isEmpty() ? 0 : stats.coverage(q.topic(), terms(c));
    }

    /** How many different topic words a claim holds. */
    int matched(Claim c, Question q) {
        return stats.matched(q.topic(), terms(c));
    }

    /** Word relevance, 0..1 (see {@link #wordRelevance}). */
    double relevance(Claim c, Question q) {
        return wordRelevance(c, q);
    }

    /** {@link ClaimSpans#claimAt}: the claim one sentence makes, or empty when it cannot be quoted on its own. */
    Optional<Claim> claimAt(Passage p, int sentence, String framework) {
        return spans.claimAt(p, sentence, framework);
    }

    /** Whether a claim is squarely about {@code framework} ({@link Focus#squarely()}). */
    boolean squarelyAbout(Claim c, String framework) {
        return spans.focus(c, framework).squarely();
    }

    /**
     * The best claim among {@code ranked} passages.
     *
     * @param framework    when not null, only sentences about this framework
     * @param aspects      when not null, only sentences with one of these aspects
     * @param used         keys of sentences already quoted in the answer ({@link Claim#sentenceKeys()}), to skip
     * @param minRelevance only claims at least this relevant, or (when above 0) holding two different topic words
     */
    Optional<Claim> best(List<RankedPassage> ranked, String framework, Set<Aspect> aspects, Question q,
                         Set<String> used, double minRelevance) {
        return best(ranked, framework, aspects, q, used, minRelevance, false);
    }

    /**
     * {@link #claimAt(Passage, int, String)} cited with its passage's fused score, and empty when it overlaps
     * {@code used} (keys of sentences already quoted).
     *
     * @param score the passage's fused retrieval score, shown in the citation
     */
    Optional<Claim> claimAt(Passage passage, int index, String framework, double score, Set<String> used) {
        return claimAt(passage, index, framework)
                .filter(c -> c.sentenceKeys().stream().noneMatch(used::contains))
                .map(c -> new Claim(c.first(), c.last(), c.display(), c.passage(), score));
    }

    /**
     * The best case study among {@code ranked} passages: a narrative about one user of {@code framework} (see
     * {@link Discourse#tellsCaseStudy}), evidence rather than a claim of its own; parameters as {@link #best}.
     */
    Optional<Claim> caseStudy(List<RankedPassage> ranked, String framework, Question q, Set<String> used,
                              double minRelevance) {
        return best(ranked, framework, null, q, used, minRelevance, true);
    }

    private Optional<Claim> best(List<RankedPassage> ranked, String framework, Set<Aspect> aspects, Question q,
                                 Set<String> used, double minRelevance, boolean caseStudies) {
        double top = ranked.isEmpty() ? 1 : Math.max(1e-9, ranked.get(0).score());
        boolean overviewOnly = framework != null && aspects != null && aspects.size() == 1
                && aspects.contains(Aspect.OVERVIEW);
        ClaimSpans.Span best = null;
        RankedPassage bestFrom = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestTier = -1;
        for (RankedPassage r : ranked) {
            List<Sentence> sentences = r.passage().sentences();
            ClaimSpans.PassageSpans ps = spans.of(r.passage());
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                if (framework != null && !s.subjects().contains(framework)) {
                    continue;
                }
                if (aspects != null && !aspects.contains(s.aspect())) {
                    continue;
                }
                if (overviewOnly && !s.subjects().get(0).equals(framework)) {
                    continue; // "what it is" must be about this framework first, not one of a list
                }
                ClaimSpans.Span c = ps.span(i, framework);
                Focus focus = Focus.of(c.quoted, c.headed, framework);
                if (c.words < minClaimWords || c.caseStudy != caseStudies || anyUsed(c.keys, used)
                        || (framework != null && focus == Focus.NONE)) {
                    continue; // a fragment, the wrong kind, quoted already, or not naming the framework it is for
                }
                double rel = relevance(c, q);
                if (rel < minRelevance && (minRelevance <= 0 || coverage(c, q).matched() < 2)) {
                    continue;
                }
                ClaimScorer.Scored scored = scorer.score(new ClaimScorer.Features(rel, cosine(c, q), r.score() / top,
                        focus, q.topic().isEmpty(), s.tableCell(), s.aspect(), s.subjects().size(), ps.namesList(i),
                        s.quote().endsWith("?"), framework != null && !s.subjects().get(0).equals(framework), c.words));
                if (scored.tier() > bestTier || (scored.tier() == bestTier && scored.score() > bestScore)) {
                    bestTier = scored.tier();
                    bestScore = scored.score();
                    best = c;
                    bestFrom = r;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.claim(bestFrom.passage(), bestFrom.score()));
    }

    private double relevance(ClaimSpans.Span span, Question q) {
        return q.topic().isEmpty() ? 0 : coverage(span, q).share();
    }

    /** Relevance and matched count of a span, worked out together once per question. */
    private TermStats.Coverage coverage(ClaimSpans.Span span, Question q) {
        return q.coverageMemo().computeIfAbsent(span, x -> stats.measure(q.topic(), q.weights(stats), x.terms));
    }

    /**
     * The best cosine of a sentence of the span to the question (memoised per question by sentence ordinal);
     * negative infinity in keyword mode, for a question without topic words or embedding, or with no sentence vector.
     */
    private double cosine(ClaimSpans.Span span, Question q) {
        double cosine = Double.NEGATIVE_INFINITY;
        if (!hybrid || q.vector() == null || q.topic().isEmpty()) {
            return cosine;
        }
        double[] memo = q.similarityMemo(sentenceVectors.length);
        for (int ordinal : span.ordinals) {
            double sim = Double.NaN;
            if (ordinal >= 0) {
                sim = memo[ordinal];
                if (sim == Question.NOT_YET) {
                    float[] v = sentenceVectors[ordinal];
                    sim = v == null ? Double.NaN : SentenceVectors.dot(q.vector(), v);
                    memo[ordinal] = sim;
                }
            }
            if (!Double.isNaN(sim)) {
                cosine = Math.max(cosine, sim);
            }
        }
        return cosine;
    }

    private static boolean anyUsed(List<String> keys, Set<String> used) {
        if (used.isEmpty()) {
            return false;
        }
        for (String k : keys) {
            if (used.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
