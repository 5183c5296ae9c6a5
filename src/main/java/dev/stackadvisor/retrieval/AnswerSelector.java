package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.QueryToken;
import dev.stackadvisor.index.SentenceIndex;
import dev.stackadvisor.index.SentenceVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Answer-sentence selection, the stage between retrieval and the answer's layout: which retrieved sentence answers
 * <em>this</em> question (the task of TREC-QA, Wang, Smith &amp; Mitamura 2007, and WikiQA, Yang, Yih &amp; Meek 2015).
 *
 * <p>Candidates are the sentences of the top {@link SelectionTuning#passages} fused passages and of the top
 * {@link SelectionTuning#perFramework} passages about each framework asked. Each is ranked four ways — sentence-level
 * BM25 of the question's weighted terms ({@link SentenceIndex}, the terms {@link Bm25Retriever} searches with,
 * synonyms included), the MiniLM cosine of question and sentence (hybrid mode), subject agreement (how many of the
 * asked frameworks it, its heading path or the sentences it leans on name or are about) and its passage's fused
 * rank — and the rankings are fused by reciprocal rank fusion (Cormack, Clarke &amp; Büttcher 2009). RRF, not a
 * linear fusion: BM25 scores are unbounded and differ in scale from question to question, cosines cluster
 * differently per question, and RRF needs no calibration of either, only of k.
 *
 * <p>Whether a candidate answers at all is its <em>coverage</em>: the IDF-weighted share of the question's content
 * words (its topic words: framework names, filler and cue words the corpus never uses aside) that the sentence, its
 * heading path, the sentences it leans on and the question right before it (a documentation page's own question)
 * hold, a word counting when it or one of its synonyms matches a stem
 * (loosely, as {@link TermStats#matches}); a why-question adds a fifth ranking, the sentences that give a reason
 * ({@code reasonPattern} in {@code question-cues.json}). This is WikiQA's weighted word-overlap baseline used as a gate: a
 * candidate below {@link SelectionTuning#minCoverage} does not answer, whatever its rank. Thread-safe.
 */
public final class AnswerSelector {

    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("\\d+(?:[.:]\\d+)+");

    private final KeywordIndex keyword;
    private final SentenceIndex sentences;
    private final SentenceVectors vectors;
    private final TermStats stats;
    private final FrameworkLexicon lexicon;
    private final SentenceCues cues;
    private final Bm25Retriever bm25;
    private final SelectionTuning tuning;
    private final Set<String> stopStems;
    /** Analysed stems and framework names of each heading path, by its text: bounded by the corpus's headings. */
    private final Map<String, Set<String>> headingTerms = new ConcurrentHashMap<>();
    private final Map<String, List<String>> headingNames = new ConcurrentHashMap<>();

    /**
     * @param vectors   sentence embeddings; null in keyword mode (no cosine ranking)
     * @param cues      what is read in a sentence: whether it leans on the ones before it, whether it gives a reason
     * @param bm25      whose weighted query terms the sentence BM25 uses
     */
    public AnswerSelector(KeywordIndex keyword, SentenceIndex sentences, SentenceVectors vectors, TermStats stats,
                          FrameworkLexicon lexicon, SentenceCues cues, Bm25Retriever bm25, SelectionTuning tuning) {
        this.keyword = keyword;
        this.sentences = sentences;
        this.vectors = vectors;
        this.stats = stats;
        this.lexicon = lexicon;
        this.cues = cues;
        this.bm25 = bm25;
        this.tuning = tuning;
        this.stopStems = stopStems(keyword);
    }

    /**
     * What answer selection reads in a sentence besides its words.
     *
     * @param leansBack   whether it opens with a reference word ("They…", "This…") and so leans on the sentences before
     *                    it (the composer's {@code Discourse} rule)
     * @param givesReason whether it gives a reason ({@link QuestionCues#givesReason})
     * @param pointsElsewhere whether it sends the reader elsewhere ("check out…", "see the section…"): it never leads
     * @param compares    whether it weighs one thing against another ("much faster than…"): with the frameworks a
     *                    choice weighs, it leads the choice's answer
     */
    public record SentenceCues(Predicate<String> leansBack, Predicate<String> givesReason,
                               Predicate<String> pointsElsewhere, Predicate<String> compares) {
        /** No sentence leans on another, gives a reason, points elsewhere or compares. */
        public static final SentenceCues NONE = new SentenceCues(s -> false, s -> false, s -> false, s -> false);
    }

    /** The tuning values. */
    public SelectionTuning tuning() {
        return tuning;
    }

    /**
     * What a question asks for: a choice (a scenario, a recommendation cue, or two frameworks and a choice word), one
     * specific thing when a kind of fact and no aspect is asked, a profile (an aspect asked, or no content words:
     * "tell me about X"), else one specific thing.
     */
    public Selection.Ask ask(AnalyzedQuery q) {
        return ask(q, content(q));
    }

    private static Selection.Ask ask(AnalyzedQuery q, List<String> content) {
        if (q.intent() == Intent.SCENARIO || q.reading().scenario() || q.weighsFrameworks()) {
            return Selection.Ask.CHOICE;
        }
        if (q.answerType() != null && q.focus() == null) {
            return Selection.Ask.SPECIFIC; // a kind of fact, and nothing else, is asked ("what license does X use?")
        }
        return q.focus() != null || content.isEmpty() ? Selection.Ask.PROFILE : Selection.Ask.SPECIFIC;
    }

    /**
     * The question's content words, what coverage is measured on: its topic words (of a specific question, those of
     * its questions when the message also makes statements: {@link QueryTerms#asked()}) minus
     * the words of its cues (an aspect asked says what kind of sentence, not what it is about) and minus English stop
     * words (Lucene's copy of the Snowball list: "its", "own", "both"… that the index's short list keeps); for a
     * specific question asking for a kind of fact, its cue words count ("salary" must be covered, not just "average").
     */
    List<String> content(AnalyzedQuery q) {
        List<String> out = contentOf(q, q.terms().topic());
        if (ask(q, out) == Selection.Ask.SPECIFIC) {
            // one thing is asked: what the message's questions ask, not the situation its statements describe (a
            // choice weighs that situation, so it keeps every word)
            List<String> asked = contentOf(q, q.terms().asked());
            if (!asked.isEmpty()) {
                out = asked;
            }
        }
        for (String t : q.reading().terms()) {
            // a dotted literal the sources contain ("0.0.0.0", "3.11"): an address or version is what is asked about
            if (isLiteral(t) && stats.known(t) && !out.contains(t)) {
                out.add(t);
            }
        }
        if (q.answerType() != null && ask(q, out) == Selection.Ask.SPECIFIC) {
            for (String t : q.reading().terms()) {
                if (q.reading().cueTerms().contains(t) && !stopStems.contains(t) && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code s} is a comparative sentence about the frameworks weighed: it names two or more of them and no
     * other framework, holds a comparative word, and is a statement of its own (not a table cell).
     */
    private boolean compares(Sentence s, List<String> weighed) {
        return !s.tableCell() && s.mentions().size() >= 2 && weighed.containsAll(s.mentions())
                && cues.compares().test(s.display());
    }

    /** {@code words} minus the question's cue words and the stop list. */
    private List<String> contentOf(AnalyzedQuery q, List<String> words) {
        List<String> out = new ArrayList<>();
        for (String t : words) {
            if (!q.reading().cueTerms().contains(t) && !stopStems.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether an analysed word is a literal of digits joined by dots or colons ("0.0.0.0", "3.11", "127.0.0.1:8000"). */
    static boolean isLiteral(String t) {
        return LITERAL.matcher(t).matches();
    }

    /** The stems of the Snowball English stop list, as the index analyses each word. */
    private static Set<String> stopStems(KeywordIndex keyword) {
        Set<String> out = new HashSet<>();
        try (java.io.Reader r = org.apache.lucene.util.IOUtils.getDecodingReader(
                org.apache.lucene.analysis.snowball.SnowballFilter.class, "english_stop.txt",
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (Object w : org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(r)) {
                out.addAll(keyword.terms(new String((char[]) w)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Lucene's Snowball stop list is missing", e);
        }
        return Set.copyOf(out);
    }

    /**
     * Ranks the candidate sentences of the retrieved passages for {@code q}.
     *
     * @param general     the fused top passages for the whole question, best first
     * @param byFramework per framework asked, its fused passages, best first
     */
    public Selection select(AnalyzedQuery q, List<RankedPassage> general, Map<String, List<RankedPassage>> byFramework) {
        List<String> content = content(q);
        Selection.Ask ask = ask(q, content);
        double[] weights = stats.weights(content);
        // the content words the corpus uses (itself or a synonym): what sentences can cover at all
        List<String> known = content.stream().filter(t -> stats.known(t)
                || q.reading().expansions().getOrDefault(t, List.of()).stream().anyMatch(stats::known)).toList();
        double[] knownWeights = stats.weights(known);
        Map<String, Integer> passageRank = new LinkedHashMap<>();
        List<RankedPassage> pool = new ArrayList<>();
        addTop(general, tuning.passages(), pool, passageRank);
        for (List<RankedPassage> about : byFramework.values()) {
            addTop(about, tuning.perFramework(), pool, passageRank);
        }
        List<String> keys = new ArrayList<>();
        for (RankedPassage r : pool) {
            for (Sentence s : r.passage().sentences()) {
                keys.add(s.key());
            }
        }
        Map<String, Double> bm25Scores = sentences.score(bm25.weights(q), keys);
        List<Selection.Candidate> all = new ArrayList<>();
        Set<String> reasons = new HashSet<>();
        Set<String> seen = new HashSet<>();
        double bestKnown = 0;
        for (RankedPassage r : pool) {
            List<Sentence> ss = r.passage().sentences();
            for (int i = 0; i < ss.size(); i++) {
                if (!seen.add(ss.get(i).key())) {
                    continue;
                }
                Support e = support(q, r, i);
                if (q.reading().reason() && cues.givesReason().test(ss.get(i).display())) {
                    reasons.add(ss.get(i).key());
                }
                int agreement = (int) q.frameworks().stream().filter(e.names()::contains).count();
                double coverage = TermStats.share(content, weights, t -> covers(q, t, e.terms()));
                if (known.size() >= 2 && agreement > 0) {
                    bestKnown = Math.max(bestKnown, TermStats.share(known, knownWeights, t -> covers(q, t, e.terms())));
                }
                double cosine = vectors == null || q.vector() == null ? Double.NaN
                        : vectors.similarity(q.vector(), ss.get(i).key());
                all.add(new Selection.Candidate(ss.get(i), r.passage(), i, r.score(),
                        bm25Scores.getOrDefault(ss.get(i).key(), 0.0), cosine, agreement, coverage, 0, false));
            }
        }
        List<Selection.Candidate> fused = CandidateFusion.fuse(all, passageRank, !q.frameworks().isEmpty(), reasons,
                tuning.rrfK());
        Selection.Candidate best = null;
        double bestCosine = Double.NaN;
        boolean relates = false;
        for (Selection.Candidate c : fused) {
            relates |= c.relatesAll(q.frameworks());
            if (best == null || c.coverage() > best.coverage()) {
                best = c;
            }
            if (!Double.isNaN(c.cosine()) && c.answersFor(q.frameworks()) && !(c.cosine() <= bestCosine)) {
                bestCosine = c.cosine();
            }
        }
        double bestCoverage = content.isEmpty() ? 1 : best == null ? 0 : best.coverage();
        // whether anything retrieved is to the question's point (hybrid: meaning or words; keyword: the words alone,
        // which needs a lower bar); then the best-ranked candidate with evidence of its own leads
        boolean answerable = !content.isEmpty() && ((ask == Selection.Ask.CHOICE && relates)
                || (Double.isNaN(bestCosine) ? bestCoverage >= tuning.minKeywordAnswerable()
                : bestCosine >= tuning.minCosineAnswerable() || bestCoverage >= tuning.minHybridAnswerable()));
        List<Selection.Candidate> ranked = new ArrayList<>(fused.size());
        Selection.Candidate lead = null;
        for (Selection.Candidate c : fused) {
            boolean covers = answerable && (c.coverage() >= tuning.minCoverage()
                    || (!Double.isNaN(c.cosine()) && c.cosine() >= tuning.minCosine())
                    || c.relatesAll(q.frameworks()))
                    && !c.sentence().quote().endsWith("?")
                    // a lone word says nothing, unless it is a table cell stated with its row and column ("Growing")
                    && (c.sentence().wordCount() >= 2 || c.sentence().tableCell())
                    && !cues.pointsElsewhere().test(c.sentence().display());
            Selection.Candidate marked = new Selection.Candidate(c.sentence(), c.passage(), c.index(), c.score(), c.bm25(),
                    c.cosine(), c.agreement(), c.coverage(), c.fused(), covers);
            ranked.add(marked);
        }
        double bestAnswering = ranked.stream().filter(c -> c.covers() && c.answersFor(q.frameworks()))
                .mapToDouble(Selection.Candidate::coverage).max().orElse(0);
        List<Selection.Candidate> answering = new ArrayList<>();
        for (Selection.Candidate c : ranked) {
            // rank fusion ignores by how much one candidate covers more: what answers must cover nearly as much as
            // the best (or mean as much, in hybrid mode)
            if (c.covers() && c.answersFor(q.frameworks()) && (c.coverage() >= bestAnswering - tuning.leadMargin()
                    || (!Double.isNaN(c.cosine()) && c.cosine() >= tuning.minCosine()
                    && bestAnswering < tuning.minHybridAnswerable()))) {
                answering.add(c);
            }
        }
        // a statement leads before a table cell ("Ideal Business Type: …") when both answer
        lead = answering.stream().filter(c -> !c.sentence().tableCell()).findFirst()
                .orElse(answering.isEmpty() ? null : answering.get(0));
        if (!reasons.isEmpty() && lead != null && !reasons.contains(lead.sentence().key())) {
            // a why-question is answered by a reason: the best covering candidate that gives one and shares some of the
            // question's words, if any does
            lead = ranked.stream().filter(c -> c.covers() && c.answersFor(q.frameworks()) && c.coverage() > 0
                    && reasons.contains(c.sentence().key())).findFirst().orElse(lead);
        }
        if (ask == Selection.Ask.CHOICE && lead != null && reasons.isEmpty()) {
            // a choice is answered first by the sentence that weighs the frameworks asked against each other (a
            // why-question's, by its reason)
            lead = ranked.stream().filter(c -> c.covers() && compares(c.sentence(), q.frameworks())).findFirst()
                    .orElse(lead);
        }
        return new Selection(ask, ranked, answering, lead, content, uncovered(q, content, best), bestCoverage, bestCosine,
                content.isEmpty() || answerable, bestKnown);
    }

    /** The words and framework names that count for one sentence: its own, its heading path's, and those it leans on. */
    private record Support(Set<String> terms, Set<String> names) {
    }

    /**
     * What counts for sentence {@code i} of a passage: its stems and names, its heading path's, the question right before
     * it in its document (it answers that question), and, when it opens with a reference word, the up to
     * {@link SelectionTuning#maxLeanBack} sentences before it in its passage.
     */
    private Support support(AnalyzedQuery q, RankedPassage r, int i) {
        List<Sentence> ss = r.passage().sentences();
        Sentence s = ss.get(i);
        Set<String> terms = new HashSet<>(sentences.stems(s.key()));
        terms.addAll(heading(r.passage().section()));
        Set<String> names = new HashSet<>(s.subjects());
        names.addAll(s.mentions());
        names.addAll(headingNames.computeIfAbsent(r.passage().section(), lexicon::names));
        Sentence before = sentences.previous(s.key());
        if (before != null && before.quote().endsWith("?")) {
            // the sentence after a question in the text answers it ("A fair question is why…? The reason is…")
            terms.addAll(sentences.stems(before.key()));
            names.addAll(before.subjects());
            names.addAll(before.mentions());
        }
        if (cues.leansBack().test(s.quote())) {
            for (int j = i - 1; j >= Math.max(0, i - tuning.maxLeanBack()); j--) {
                terms.addAll(sentences.stems(ss.get(j).key()));
                names.addAll(ss.get(j).subjects());
                names.addAll(ss.get(j).mentions());
            }
        }
        return new Support(terms, names);
    }

    /** Adds the first {@code n} of {@code ranked} to the pool (once each), noting each passage's best rank. */
    private static void addTop(List<RankedPassage> ranked, int n, List<RankedPassage> pool, Map<String, Integer> rank) {
        for (int i = 0; i < Math.min(n, ranked.size()); i++) {
            RankedPassage r = ranked.get(i);
            Integer before = rank.get(r.passage().id());
            if (before == null) {
                pool.add(r);
                rank.put(r.passage().id(), i + 1);
            } else if (i + 1 < before) {
                rank.put(r.passage().id(), i + 1);
            }
        }
    }

    /** Analysed stems of a heading path (cached: few distinct headings). */
    private Set<String> heading(String section) {
        return headingTerms.computeIfAbsent(section, h -> Set.copyOf(keyword.terms(h)));
    }

    /** Whether {@code terms} hold the content word {@code t} or one of its synonyms (loosely). */
    private static boolean covers(AnalyzedQuery q, String t, Set<String> terms) {
        if (TermStats.matches(t, terms)) {
            return true;
        }
        for (String e : q.reading().expansions().getOrDefault(t, List.of())) {
            if (TermStats.matches(e, terms)) {
                return true;
            }
        }
        return false;
    }

    /** The user's words (as typed) of the content words {@code best} does not cover; all of them without a best. */
    private List<String> uncovered(AnalyzedQuery q, List<String> content, Selection.Candidate best) {
        Set<String> missing = new java.util.LinkedHashSet<>();
        Set<String> terms = new HashSet<>();
        if (best != null) {
            terms.addAll(sentences.stems(best.sentence().key()));
            terms.addAll(heading(best.passage().section()));
        }
        for (String t : content) {
            if (!covers(q, t, terms)) {
                missing.add(t);
            }
        }
        List<String> words = new ArrayList<>();
        for (QueryToken t : keyword.analyzeQuery(q.message())) {
            if (!t.synonym() && missing.contains(t.term())) {
                String word = q.message().substring(t.start(), t.end());
                if (!words.contains(word)) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
