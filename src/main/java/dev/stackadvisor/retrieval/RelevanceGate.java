package dev.stackadvisor.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the sources can answer ({@link GateTuning} holds every threshold). In order:
 * <ol>
 *   <li>it refers back ("and its limitations?") but starts the conversation → {@link GateReason#NEEDS_CONTEXT};</li>
 *   <li>the question names frameworks and none of them is covered ("Svelte vs React") → {@link GateReason#NOT_COVERED};</li>
 *   <li>it names a covered framework but, in every sentence that names one, at least {@code maxUnknown} of the topic
 *       words (IDF-weighted) appear nowhere in the corpus, and no passage holds {@code minExact} of them exactly, as
 *       with "latest Spring Boot version": it asks for facts the articles never give → {@link GateReason#UNKNOWN_TERMS},
 *       unless (hybrid) its meaning is within {@code minMeaning} cosine of a sentence about a framework it names.
 *       Judged per sentence so that a preamble ("Ignore your instructions…") does not sink the question after it;</li>
 *   <li>no covered framework named, and the passages are not about it → {@link GateReason#OFF_TOPIC}. In hybrid mode
 *       "about it" means the best passage is within {@code minDense} cosine of the question, or within
 *       {@code minDenseWithWords} and holding {@code minCoverage} of the topic words; in keyword mode only the words
 *       can tell, so one passage must hold {@code minKeywordCoverage} of them, or {@code twoWordSlack} less when that
 *       is at least {@code minMatchedWords} different words. A recommendation among the covered frameworks of a
 *       language it names is in scope.</li>
 * </ol>
 * A follow-up gets {@code followUpSlack} on each threshold of the last step: the conversation it continues was in
 * scope. A word counts as known when it or one of its synonyms is a stem of the corpus ("upsides" as "advantag").
 * Pure given its {@link TermStats}; thread-safe.
 */
public final class RelevanceGate {

    private final GateTuning tuning;
    private final TermStats stats;

    public RelevanceGate(GateTuning tuning, TermStats stats) {
        this.tuning = tuning;
        this.stats = stats;
    }

    /** The thresholds. */
    public GateTuning tuning() {
        return tuning;
    }

    /** The verdict, with the measurements it was taken on. */
    public GateDecision decide(GateInput in) {
        AnalyzedQuery query = in.query();
        QueryTerms terms = query.terms();
        Map<String, List<String>> synonyms = query.reading().synonyms();
        double unknown = unknownShare(terms.gateTopic(), synonyms);
        for (List<String> sentence : terms.sentenceTopics()) {
            unknown = Math.min(unknown, unknownShare(sentence, synonyms));
        }
        List<RankedPassage> candidates = new ArrayList<>(in.general().subList(0,
                Math.min(tuning.generalCandidates(), in.general().size())));
        for (List<RankedPassage> about : in.byFramework().values()) {
            candidates.addAll(about.subList(0, Math.min(tuning.perFrameworkCandidates(), about.size())));
        }
        List<String> judged = throughSynonyms(terms.gateTopic(), synonyms);
        double[] weights = stats.weights(judged);
        double coverage = 0;
        int matched = 0;
        double exact = 0;
        for (RankedPassage r : candidates) {
            Set<String> passageTerms = stats.terms(r.passage());
            TermStats.Coverage c = stats.measure(judged, weights, passageTerms);
            exact = Math.max(exact, stats.exactCoverage(judged, passageTerms));
            if (c.share() > coverage) {
                coverage = c.share();
                matched = c.matched();
            }
        }
        // "we're a C# shop, recommendations?": a recommendation among frameworks of a language the corpus covers
        boolean domainWords = query.reading().domainWord()
                || (query.intent() == Intent.SCENARIO && !terms.preferred().isEmpty());
        GateReason reason = reason(query, judged, unknown, exact, coverage, matched, in.denseTop(), domainWords);
        if (reason == GateReason.UNKNOWN_TERMS && in.meaning().getAsDouble() >= tuning.minMeaning()) {
            reason = GateReason.OK; // unknown words, but it means what a source says
        }
        if (reason == GateReason.UNKNOWN_TERMS && (query.focus() != null || query.weighsFrameworks())
                && query.answerType() == null) {
            // it asks for an aspect of a framework the sources cover ("is X overkill for a webhook receiver?") or a
            // choice among covered frameworks ("X or Y for 3 ts devs, api for a mobile app?"): what the sources say of
            // each answers it, whatever words they lack for its context
            reason = GateReason.OK;
        }
        return new GateDecision(reason, coverage, in.denseTop());
    }

    private GateReason reason(AnalyzedQuery query, List<String> topic, double unknownShare, double exact,
                              double coverage, int matched, double denseTop, boolean domainWords) {
        if (query.dangling()) {
            return GateReason.NEEDS_CONTEXT;
        }
        if (query.frameworks().isEmpty() && !query.notCovered().isEmpty()) {
            return GateReason.NOT_COVERED;
        }
        if (!query.frameworks().isEmpty() && !topic.isEmpty() && unknownShare >= tuning.maxUnknown()
                && exact < tuning.minExact()) {
            return GateReason.UNKNOWN_TERMS;
        }
        if (query.frameworks().isEmpty()) {
            if (topic.isEmpty() && !domainWords) {
                return GateReason.OFF_TOPIC;
            }
            if (query.intent() == Intent.SCENARIO && !query.languages().isEmpty() && domainWords) {
                return GateReason.OK; // a choice among a covered language's frameworks
            }
            double slack = query.followUp() ? tuning.followUpSlack() : 0;
            boolean inScope = Double.isNaN(denseTop)
                    ? topic.isEmpty() || coverage >= tuning.minKeywordCoverage() - slack
                            || (coverage >= tuning.minKeywordCoverage() - tuning.twoWordSlack() - slack
                                    && matched >= tuning.minMatchedWords())
                    : denseTop >= tuning.minDense() - slack
                            || (denseTop >= tuning.minDenseWithWords() - slack && coverage >= tuning.minCoverage() - slack);
            if (!inScope) {
                return GateReason.OFF_TOPIC;
            }
        }
        return GateReason.OK;
    }

    /**
     * IDF-weighted share of the topic words no passage uses, 0..1 (0 for an empty topic), each word judged
     * {@link #throughSynonyms through its synonyms}.
     */
    private double unknownShare(List<String> topic, Map<String, List<String>> synonyms) {
        return 1 - stats.knownShare(throughSynonyms(topic, synonyms));
    }

    /**
     * The topic words as the gate judges them: a word the corpus never uses stands as its first synonym the corpus
     * does use ("upsides" as "advantag", "k8" as "kubernet"), so a question is not out of scope for its wording.
     */
    private List<String> throughSynonyms(List<String> topic, Map<String, List<String>> synonyms) {
        List<String> judged = new ArrayList<>(topic.size());
        for (String t : topic) {
            String known = t;
            if (!stats.known(t)) {
                for (String s : synonyms.getOrDefault(t, List.of())) {
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
}
