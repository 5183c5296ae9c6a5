package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.ScoredPassage;
import dev.stackadvisor.index.SentenceIndex;
import dev.stackadvisor.index.SentenceVectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hybrid retrieval as a pipeline over an {@link AnalyzedQuery} (the query transformer, {@link QueryAnalyzer}, ran
 * once before): the {@link Bm25Retriever} and {@link DenseRetriever} rankings (langchain4j {@code ContentRetriever}s,
 * called here with the analysed question so the passages stay at hand), fused by {@link ReciprocalRankFusion}
 * (langchain4j's {@code ReciprocalRankFuser} order, with the fused scores it does not return); for a scenario naming
 * no framework, the frameworks the {@link ScenarioRecommender} draws from them; evidence per
 * framework (every framework asked about gets its own fused ranking, so one with more text cannot crowd out the
 * other); the {@link RelevanceGate}; for a question asking for a kind of fact, the sentence stating it. In keyword
 * mode the dense ranking is empty and BM25 goes through the same fusion alone. Tuning: {@link Tuning}. Thread-safe.
 */
public final class HybridRetriever {

    private final KeywordIndex keyword;
    private final RetrievalTuning tuning;
    private final Bm25Retriever bm25;
    private final PassageRetriever dense;
    private final ReciprocalRankFusion fusion;
    private final ScenarioRecommender recommender;
    private final RelevanceGate gate;
    private final TermStats stats;
    private final SentenceVectors sentences;
    private final AnswerSelector selector;

    /**
     * @param stats     the term statistics of the corpus (shared with the analyzer and the composer)
     * @param dense     null in keyword mode
     * @param sentences sentence embeddings, null in keyword mode: with them the gate does not refuse a question
     *                  for its unknown words when a sentence about a framework it names is close in meaning
     * @param cues      what answer selection reads in a sentence: whether it leans on the ones before it, whether it
     *                  gives a reason
     */
    public HybridRetriever(Corpus corpus, KeywordIndex keyword, TermStats stats, DenseIndex dense,
                           SentenceVectors sentences, Tuning tuning, AnswerSelector.SentenceCues cues) {
        this.keyword = keyword;
        this.tuning = tuning.retrieval();
        this.stats = stats;
        this.sentences = sentences;
        this.bm25 = new Bm25Retriever(keyword, tuning.retrieval(), corpus.passages().size());
        this.dense = dense == null ? query -> List.of() : new DenseRetriever(dense);
        this.fusion = new ReciprocalRankFusion(tuning.retrieval().rrfK());
        this.recommender = new ScenarioRecommender(tuning.recommender(), stats);
        this.gate = new RelevanceGate(tuning.gate(), stats);
        this.selector = new AnswerSelector(keyword, new SentenceIndex(corpus.passages()), sentences, stats,
                corpus.lexicon(), cues, bm25, tuning.selection());
    }

    /** The same without sentence cues: no sentence leans on another or gives a reason (tests, benchmarks). */
    public HybridRetriever(Corpus corpus, KeywordIndex keyword, TermStats stats, DenseIndex dense,
                           SentenceVectors sentences, Tuning tuning) {
        this(corpus, keyword, stats, dense, sentences, tuning, AnswerSelector.SentenceCues.NONE);
    }

    /** The term statistics retrieval uses (shared with the answer composer for sentence ranking). */
    public TermStats stats() {
        return stats;
    }

    /** Retrieves evidence for an analysed question, keeping the default {@link TopK#DEFAULT} fused passages. */
    public Evidence retrieve(AnalyzedQuery query) {
        return retrieve(query, TopK.DEFAULT);
    }

    /**
     * Retrieves evidence for an analysed question.
     *
     * @param topK fused passages kept for the whole question ({@link TopK})
     * @throws IllegalArgumentException when topK is out of {@link TopK}'s range
     */
    public Evidence retrieve(AnalyzedQuery query, int topK) {
        TopK.checked(topK);
        List<ScoredPassage> keywordAll = bm25.retrieve(query);
        List<ScoredPassage> denseAll = dense.retrieve(query);
        List<RankedPassage> general = fusion.fuse(top(keywordAll), top(denseAll), topK);
        List<String> frameworks = query.frameworks().isEmpty() && query.intent() == Intent.SCENARIO
                ? recommender.recommend(general, query) : query.frameworks();
        Map<String, List<RankedPassage>> byFramework = new LinkedHashMap<>();
        for (String f : frameworks) {
            byFramework.put(f, fusion.fuse(about(keywordAll, f), about(denseAll, f), tuning.perFrameworkTop()));
        }
        double denseTop = denseAll.isEmpty() ? Double.NaN : denseAll.get(0).score();
        GateDecision decision = gate.decide(new GateInput(query, general, byFramework, denseTop,
                () -> meaning(query.vector(), byFramework)));
        Fact fact = null;
        Selection.Ask ask = selector.ask(query);
        // a kind of fact is what is asked only in a question asking one thing: in a choice, a scenario or a profile
        // ("2 founders, crud saas, what should we use"), a number, a person or a version word is the context
        if (decision.grounded() && query.answerType() != null && ask == Selection.Ask.SPECIFIC) {
            fact = fact(query, general, byFramework);
            if (fact == null) {
                decision = decision.with(GateReason.NO_FACT);
            }
        }
        Selection selection = Selection.none(ask);
        GateReason why = decision.outcome();
        if (why == GateReason.OK || why == GateReason.UNKNOWN_TERMS) {
            selection = selector.select(query, general, byFramework);
            if (why == GateReason.UNKNOWN_TERMS && selection.knownCoverage() >= selector.tuning().minKnownCoverage()) {
                // slang or a word the corpus lacks ("meh", "fws") beside words a sentence about the framework covers
                decision = decision.with(GateReason.OK);
                why = GateReason.OK;
            }
            if (why == GateReason.OK && selection.ask() == Selection.Ask.SPECIFIC && !selection.answerable()
                    && fact == null) {
                // one thing was asked and nothing retrieved is to its point
                decision = decision.with(GateReason.NOT_ANSWERED);
            }
        }
        return new Evidence(query, general, frameworks, byFramework, query.terms().evidenceTopic(), decision,
                query.vector(), fact, selection);
    }

    /** The first {@link RetrievalTuning#candidates} of a ranking: what fusion sees of it. */
    private List<ScoredPassage> top(List<ScoredPassage> ranking) {
        return ranking.subList(0, Math.min(tuning.candidates(), ranking.size()));
    }

    /**
     * Cosine between the question and the closest sentence of the passages about the frameworks it names, in
     * [-1, 1]; NaN without sentence vectors (keyword mode).
     */
    public double meaning(Evidence evidence) {
        return meaning(evidence.queryVector(), evidence.byFramework());
    }

    private double meaning(float[] queryVector, Map<String, List<RankedPassage>> byFramework) {
        if (sentences == null || queryVector == null) {
            return Double.NaN;
        }
        double best = Double.NaN;
        for (List<RankedPassage> about : byFramework.values()) {
            for (RankedPassage r : about) {
                for (Sentence s : r.passage().sentences()) {
                    double c = sentences.similarity(queryVector, s.key());
                    if (!Double.isNaN(c) && (Double.isNaN(best) || c > best)) {
                        best = c;
                    }
                }
            }
        }
        return best;
    }

    /**
     * For a question that asks for a kind of fact (a licence, a version, a figure…): the best-ranked retrieved
     * sentence that states one ({@link AnswerType#statedIn}) about the asked subject — about a framework the
     * question names, if it names any, and holding at least {@link RetrievalTuning#factSubjectShare} of the
     * question's topic words (its cue words aside: "what share of developers use Python?" needs "developers" and
     * "Python"); none when a cue word naming the thing asked is one no document uses ("github stars").
     *
     * @return the sentence and its passage, or null when no retrieved sentence states such a fact
     */
    private Fact fact(AnalyzedQuery query, List<RankedPassage> general, Map<String, List<RankedPassage>> byFramework) {
        List<RankedPassage> candidates = new ArrayList<>();
        if (query.frameworks().isEmpty()) {
            candidates.addAll(general);
        } else {
            byFramework.values().forEach(candidates::addAll);
        }
        for (String t : query.reading().cueTerms()) {
            if (!query.answerType().anchor().contains(t) && !stats.known(t) && query.reading().terms().contains(t)) {
                // the thing asked ("github stars", "salary") is a word no document uses: no sentence states it
                return null;
            }
        }
        List<String> subject = query.terms().factSubject();
        for (RankedPassage r : candidates) {
            for (Sentence s : r.passage().sentences()) {
                boolean aboutSubject = query.frameworks().isEmpty()
                        || query.frameworks().stream().anyMatch(f -> s.subjects().contains(f) || s.mentions().contains(f));
                if (aboutSubject && query.answerType().statedIn(s.display()) && holds(s, subject)) {
                    return new Fact(s, r.passage(), r.score());
                }
            }
        }
        return null;
    }

    /** Whether a sentence holds at least {@link RetrievalTuning#factSubjectShare} of the subject words (loosely). */
    private boolean holds(Sentence s, List<String> subject) {
        if (subject.isEmpty()) {
            return true;
        }
        Set<String> terms = new HashSet<>(keyword.terms(s.display()));
        long held = subject.stream().filter(t -> TermStats.matches(t, terms)).count();
        return held >= tuning.factSubjectShare() * subject.size();
    }

    /** The entries of a ranking whose passage is about {@code framework}, in order. */
    private static List<ScoredPassage> about(List<ScoredPassage> ranking, String framework) {
        List<ScoredPassage> out = new ArrayList<>();
        for (ScoredPassage s : ranking) {
            if (s.passage().isAbout(framework)) {
                out.add(s);
            }
        }
        return out;
    }
}
