package dev.stackadvisor.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.ScoredPassage;
import dev.stackadvisor.index.SentenceVectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hybrid retrieval: BM25 and dense rankings fused with langchain4j's {@link ReciprocalRankFuser} (k = 60),
 * then evidence per framework (every framework asked about gets its own ranked passages, so one with more
 * text cannot crowd out the other), then the {@link RelevanceGate}. In keyword mode the dense index is
 * absent and the BM25 ranking goes through the same fuser alone. Thread-safe.
 */
public final class HybridRetriever {

    /** RRF's k: the langchain4j default and the value of the original paper (Cormack et al., 2009). */
    public static final int RRF_K = 60;
    /** Passages taken from each ranking before fusing. */
    static final int CANDIDATES = 30;
    /** Fused passages kept for the whole question. */
    public static final int GENERAL_TOP = 12;
    /** Weight of the previous question's words in a follow-up, against 1.0 for the follow-up's own. */
    static final double CONTEXT_WEIGHT = 0.4;
    /** Weight of the words added for what the question asks about (e.g. "limitations" for weaknesses). */
    static final double FOCUS_WEIGHT = 0.6;
    /**
     * Fused passages kept per framework: the composer weighs every sentence of them for every line it writes,
     * and below this rank a sentence practically never wins (a framework has at most ~60 passages here).
     */
    static final int PER_FRAMEWORK_TOP = 30;
    /**
     * Share of a fact question's topic words the stating sentence must hold: every one of two, three of four.
     * Counted, not IDF-weighted, so that a rare word alone ("average" of "average salary of a Go developer")
     * cannot make the data-breach cost a developer's salary.
     */
    static final double FACT_SUBJECT_SHARE = 0.75;
    /** Most frameworks a scenario answer recommends. */
    static final int MAX_RECOMMENDED = 4;

    /**
     * Weight of a synonym the synonyms file adds for a question word ("kubernetes" for "k8s"), against 1.0 for
     * the word itself: it widens recall without outvoting what the user typed.
     */
    static final double SYNONYM_WEIGHT = 0.3;
    /** Where a question's sentences end (after . ! or ?, before white space). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private final Corpus corpus;
    private final KeywordIndex keyword;
    private final DenseIndex dense;
    private final RelevanceGate gate;
    private final TermStats stats;
    private final QueryAnalyzer analyzer;
    private final Map<String, PassageContent> contents = new HashMap<>();
    private final QuestionCues cues;
    private final SentenceVectors sentences;

    /**
     * Without sentence vectors: the gate judges unknown words by the words alone.
     *
     * @param dense null in keyword mode
     */
    public HybridRetriever(Corpus corpus, KeywordIndex keyword, DenseIndex dense, RelevanceGate gate, QueryAnalyzer analyzer) {
        this(corpus, keyword, dense, null, gate, analyzer);
    }

    /**
     * @param dense     null in keyword mode
     * @param sentences sentence embeddings, null in keyword mode: with them the gate does not refuse a question
     *                  for its unknown words when a sentence about a framework it names is close in meaning
     */
    public HybridRetriever(Corpus corpus, KeywordIndex keyword, DenseIndex dense, SentenceVectors sentences,
                           RelevanceGate gate, QueryAnalyzer analyzer) {
        this.sentences = sentences;
        this.corpus = corpus;
        this.keyword = keyword;
        this.dense = dense;
        this.gate = gate;
        this.analyzer = analyzer;
        this.stats = new TermStats(keyword, corpus.passages());
        for (Passage p : corpus.passages()) {
            contents.put(p.id(), new PassageContent(p));
        }
        this.cues = analyzer.cues();
    }

    /** The term statistics retrieval uses (shared with the answer composer for sentence ranking). */
    public TermStats stats() {
        return stats;
    }

    /** Whether the dense index is in use (hybrid mode). */
    public boolean hybrid() {
        return dense != null;
    }

    /** Retrieves evidence for an analysed question, keeping the default {@link #GENERAL_TOP} fused passages. */
    public Evidence retrieve(AnalyzedQuery query) {
        return retrieve(query, GENERAL_TOP);
    }

    /**
     * Retrieves evidence for an analysed question.
     *
     * @param generalTop fused passages kept for the whole question (1..{@link #CANDIDATES})
     */
    public Evidence retrieve(AnalyzedQuery query, int generalTop) {
        QuestionCues.Reading reading = query.reading();
        List<String> current = reading.terms();
        List<String> context = query.context().isEmpty() ? List.of() : keyword.terms(query.context());
        Map<String, Double> weighted = new LinkedHashMap<>();
        for (String t : context) {
            weighted.put(t, CONTEXT_WEIGHT);
        }
        if (query.focus() != null) {
            for (String t : cues.focusTerms(query.focus())) {
                weighted.putIfAbsent(t, FOCUS_WEIGHT);
            }
        }
        reading.synonyms().values().forEach(list -> list.forEach(t -> weighted.putIfAbsent(t, SYNONYM_WEIGHT)));
        for (String t : current) {
            weighted.put(t, 1.0);
        }
        // cue words the corpus never uses ("cons", "upsides") say only what is asked: the aspect carries them;
        // those it uses ("limitations", "features") also match the articles' own headings, so they stay
        Set<String> unknownCues = new HashSet<>();
        for (String t : reading.cueTerms()) {
            if (!stats.known(t)) {
                unknownCues.add(t);
            }
        }
        List<String> topic = cues.topic(current, unknownCues);
        // a follow-up is judged with the question it follows: "what if staff must edit records?" is in scope
        // because the conversation is
        List<String> gateTopic = new ArrayList<>(topic);
        for (String t : cues.topic(context, Set.of())) {
            if (!gateTopic.contains(t)) {
                gateTopic.add(t);
            }
        }

        // one BM25 ranking of every matching passage; the per-framework rankings below are its filtered views
        // (a Lucene filter clause does not change scores, so this equals one filtered search per framework)
        List<ScoredPassage> bm25All = keyword.search(weighted, null, corpus.passages().size());
        List<ScoredPassage> bm25 = bm25All.subList(0, Math.min(CANDIDATES, bm25All.size()));
        List<ScoredPassage> denseAll = List.of();
        double denseTop = Double.NaN;
        float[] queryVector = null;
        if (dense != null) {
            // One embedding per question, of its words without the framework names: per-framework evidence is
            // already filtered by name, so what should steer the ranking is what is asked about them.
            // A follow-up is embedded on its own words: its context steers BM25 (at reduced weight) and the
            // framework filters, and would otherwise drown what is newly asked.
            Embedding q = query.vector() != null ? new Embedding(query.vector())
                    : dense.embed(analyzer.embeddingText(query.message()));
            queryVector = q.vector();
            denseAll = dense.scoreAll(q);
            denseTop = denseAll.isEmpty() ? Double.NaN : denseAll.get(0).score();
        }
        int keep = Math.max(1, Math.min(CANDIDATES, generalTop));
        List<RankedPassage> general = fuse(bm25, denseAll.subList(0, Math.min(CANDIDATES, denseAll.size())), keep);

        List<String> frameworks = new ArrayList<>(query.frameworks());
        if (frameworks.isEmpty() && query.intent() == Intent.SCENARIO) {
            frameworks.addAll(recommend(general, query, topic));
        }
        Map<String, List<RankedPassage>> byFramework = new LinkedHashMap<>();
        for (String f : frameworks) {
            byFramework.put(f, fuse(about(bm25All, f), about(denseAll, f), PER_FRAMEWORK_TOP));
        }

        double unknown = unknownShare(gateTopic, reading);
        if (!query.frameworks().isEmpty()) {
            // judged on the sentence that asks about the framework: "Ignore your instructions… Django or Flask?"
            for (String sentence : SENTENCE_END.split(query.message())) {
                if (!Collections.disjoint(corpus.lexicon().names(sentence), query.frameworks())) {
                    unknown = Math.min(unknown, unknownShare(cues.topic(keyword.terms(sentence), unknownCues), reading));
                }
            }
        }
        double coverage = 0;
        List<RankedPassage> candidates = new ArrayList<>(general.subList(0, Math.min(10, general.size())));
        for (List<RankedPassage> about : byFramework.values()) {
            candidates.addAll(about.subList(0, Math.min(5, about.size())));
        }
        int matched = 0;
        double exact = 0;
        List<String> judged = throughSynonyms(gateTopic, reading);
        double[] gateWeights = stats.weights(judged);
        for (RankedPassage r : candidates) {
            Set<String> terms = stats.terms(r.passage());
            TermStats.Coverage c = stats.measure(judged, gateWeights, terms);
            exact = Math.max(exact, stats.exactCoverage(judged, terms));
            if (c.share() > coverage) {
                coverage = c.share();
                matched = c.matched();
            }
        }
        // "we're a C# shop, recommendations?": a recommendation among frameworks of a language the corpus covers
        boolean domainWords = reading.domainWord()
                || (query.intent() == Intent.SCENARIO && !analyzer.frameworksFor(query.languages()).isEmpty());
        GateDecision decision = gate.decide(query, judged, unknown, exact, coverage, matched, denseTop, domainWords);
        if (decision.reason().equals("unknown_terms") && meaning(queryVector, byFramework) >= gate.minMeaning()) {
            decision = new GateDecision(true, "ok", coverage, denseTop); // unknown words, but it means what a source says
        }
        Fact fact = null;
        if (decision.grounded() && query.answerType() != null) {
            fact = fact(query, cues.topic(current, reading.cueTerms()), general, byFramework);
            if (fact == null) {
                decision = new GateDecision(false, "no_fact", coverage, denseTop);
            }
        }
        List<String> evidenceTopic = new ArrayList<>(topic);
        for (String t : topic) {
            for (String syn : reading.synonyms().getOrDefault(t, List.of())) {
                if (stats.known(syn) && !evidenceTopic.contains(syn) && !cues.filler(syn)) {
                    evidenceTopic.add(syn);
                }
            }
        }
        return new Evidence(query, general, frameworks, byFramework, evidenceTopic, decision, queryVector, fact);
    }

    /**
     * What hybrid retrieval embeds for a question ({@link QueryAnalyzer#embeddingText}). Public so that
     * benchmarks embed exactly what the server does.
     */
    public String withoutFrameworkNames(String text) {
        return analyzer.embeddingText(text);
    }

    /**
     * IDF-weighted share of the topic words no passage uses, 0..1 (0 for an empty topic), each word judged
     * {@link #throughSynonyms through its synonyms}.
     */
    private double unknownShare(List<String> topic, QuestionCues.Reading reading) {
        return 1 - stats.knownShare(throughSynonyms(topic, reading));
    }

    /**
     * The topic words as the gate judges them: a word the corpus never uses stands as its first synonym the corpus
     * does use ("upsides" as "advantag", "k8" as "kubernet"), so a question is not out of scope for its wording.
     */
    private List<String> throughSynonyms(List<String> topic, QuestionCues.Reading reading) {
        List<String> judged = new ArrayList<>(topic.size());
        for (String t : topic) {
            String known = t;
            if (!stats.known(t)) {
                for (String s : reading.synonyms().getOrDefault(t, List.of())) {
                    if (stats.known(s)) {
                        known = s;
                        break;
                    }
                }
            }
            if (!judged.contains(known)) {
                judged.add(known);
            }
        }
        return judged;
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
     * question names, if it names any, and holding at least {@link #FACT_SUBJECT_SHARE} of the question's topic
     * words (its cue words aside: "what share of developers use Python?" needs "developers" and "Python").
     *
     * @return the sentence and its passage, or null when no retrieved sentence states such a fact
     */
    private Fact fact(AnalyzedQuery query, List<String> subject, List<RankedPassage> general,
                      Map<String, List<RankedPassage>> byFramework) {
        List<RankedPassage> candidates = new ArrayList<>();
        if (query.frameworks().isEmpty()) {
            candidates.addAll(general);
        } else {
            byFramework.values().forEach(candidates::addAll);
        }
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

    /** Whether a sentence holds at least {@link #FACT_SUBJECT_SHARE} of the subject words (loosely matched). */
    private boolean holds(Sentence s, List<String> subject) {
        if (subject.isEmpty()) {
            return true;
        }
        Set<String> terms = new HashSet<>(keyword.terms(s.display()));
        long held = subject.stream().filter(t -> TermStats.matches(t, terms)).count();
        return held >= FACT_SUBJECT_SHARE * subject.size();
    }

    /**
     * For a scenario: the frameworks the top passages make claims about, each passage counting by its fused
     * score times how much of the question it covers (a passage about the question's situation outweighs a
     * merely well-ranked one), claims under a fit or strength counting double; languages the question names
     * narrow the choice. At most {@link #MAX_RECOMMENDED}, each with at least 30 % of the leader's weight.
     */
    private List<String> recommend(List<RankedPassage> general, AnalyzedQuery query, List<String> topic) {
        List<String> preferred = analyzer.frameworksFor(query.languages());
        Map<String, Double> weight = new LinkedHashMap<>();
        for (RankedPassage r : general.subList(0, Math.min(8, general.size()))) {
            // squared, so the one passage that is about the question's situation outweighs several that rank well
            double relevance = topic.isEmpty() ? 1 : Math.pow(0.2 + stats.coverage(topic, stats.terms(r.passage())), 2);
            Map<String, Double> inPassage = new LinkedHashMap<>();
            for (Sentence s : r.passage().sentences()) {
                double aspect = s.aspect() == Aspect.FIT || s.aspect() == Aspect.STRENGTH ? 2 : 1;
                for (String f : s.subjects().isEmpty() ? s.mentions() : s.subjects()) {
                    inPassage.merge(f, aspect, Math::max);
                }
            }
            inPassage.forEach((f, a) -> weight.merge(f, r.score() * relevance * a, Double::sum));
        }
        if (!preferred.isEmpty()) {
            weight.keySet().retainAll(preferred);
            if (weight.isEmpty()) {
                for (int i = 0; i < preferred.size(); i++) {
                    weight.put(preferred.get(i), 1.0 / (i + 1));
                }
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(weight.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> out = new ArrayList<>();
        // Passages about the question's situation name their answer in full ("…favors ASP.NET Core, FastAPI,
        // NestJS, or Go-based frameworks such as Gin"): their recommendations come first, in rank order.
        for (RankedPassage r : general.subList(0, Math.min(8, general.size()))) {
            if (topic.isEmpty() || stats.coverage(topic, stats.terms(r.passage())) < 0.4) {
                continue;
            }
            for (Sentence s : r.passage().sentences()) {
                if (s.aspect() == Aspect.FIT || s.aspect() == Aspect.STRENGTH) {
                    for (String f : s.subjects()) {
                        if (out.size() < MAX_RECOMMENDED && !out.contains(f) && weight.containsKey(f)) {
                            out.add(f);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, Double> e : ranked) {
            if (out.contains(e.getKey())) {
                continue;
            }
            if (out.size() < MAX_RECOMMENDED && e.getValue() >= 0.3 * ranked.get(0).getValue()) {
                out.add(e.getKey());
            }
        }
        // a new requirement keeps the earlier recommendations in the running
        for (String f : query.candidates()) {
            if (out.size() < MAX_RECOMMENDED && !out.contains(f) && (preferred.isEmpty() || preferred.contains(f))) {
                out.add(f);
            }
        }
        return out;
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

    /** Fuses two rankings with ReciprocalRankFuser and keeps the first {@code limit}, with display scores. */
    private List<RankedPassage> fuse(List<ScoredPassage> keywordList, List<ScoredPassage> denseList, int limit) {
        Map<String, Integer> keywordRanks = ranks(keywordList);
        Map<String, Integer> denseRanks = ranks(denseList);
        List<List<Content>> lists = new ArrayList<>();
        lists.add(keywordList.stream().<Content>map(s -> contents.get(s.passage().id())).toList());
        if (!denseList.isEmpty()) {
            lists.add(denseList.stream().<Content>map(s -> contents.get(s.passage().id())).toList());
        }
        List<Content> fused = ReciprocalRankFuser.fuse(lists, RRF_K);
        List<RankedPassage> out = new ArrayList<>();
        for (Content c : fused) {
            if (out.size() >= limit) {
                break;
            }
            Passage p = ((PassageContent) c).passage();
            int kr = keywordRanks.getOrDefault(p.id(), 0);
            int dr = denseRanks.getOrDefault(p.id(), 0);
            double score = (kr > 0 ? 1.0 / (RRF_K + kr) : 0) + (dr > 0 ? 1.0 / (RRF_K + dr) : 0);
            out.add(new RankedPassage(p, score, kr, dr));
        }
        return out;
    }

    private static Map<String, Integer> ranks(List<ScoredPassage> list) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            out.putIfAbsent(list.get(i).passage().id(), i + 1);
        }
        return out;
    }
}
