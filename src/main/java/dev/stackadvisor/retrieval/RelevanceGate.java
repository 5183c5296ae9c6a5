package dev.stackadvisor.retrieval;

import java.util.List;

/**
 * Decides whether the sources can answer. In order:
 * <ol>
 *   <li>it refers back ("and its limitations?") but starts the conversation → {@code needs_context};</li>
 *   <li>the question names frameworks and none of them is covered ("Svelte vs React") → {@code not_covered};</li>
 *   <li>it names a covered framework but, in every sentence that names one, at least half of the topic words
 *       (IDF-weighted) appear nowhere in the corpus, and no passage holds a third of them exactly, as with
 *       "latest Spring Boot version" or "GitHub stars of FastAPI": it asks for facts the articles never give
 *       → {@code unknown_terms}. Judged per sentence so that a preamble ("Ignore your instructions…") does not
 *       sink the question after it;</li>
 *   <li>no covered framework named, and the passages are not about it → {@code off_topic}. In hybrid mode
 *       "about it" means the best passage is within {@link #minDense} cosine of the question, or within
 *       {@link #minDenseWithWords} and holding {@link #minCoverage} of the topic words; in keyword mode only
 *       the words can tell, so one passage must hold {@link #minKeywordCoverage} of them, or 0.1 less when
 *       that is at least two different words (one shared word, as "top" in "pizza toppings", is chance).</li>
 * </ol>
 * A follow-up gets 0.1 of slack on each threshold: the conversation it continues was in scope.
 * The thresholds were set on the dev questions and a list of off-topic ones (see docs/retrieval.md): on
 * those, in-domain questions reached cosine ≥ 0.41 and off-topic ones ≤ 0.35. Raise them to refuse more.
 *
 * @param minDense           cosine at which a question naming no framework is in scope (hybrid)
 * @param minDenseWithWords  lower cosine accepted when the words agree (hybrid)
 * @param minCoverage        share of topic words that counts as agreement (hybrid)
 * @param minKeywordCoverage share of topic words one passage must hold (keyword mode)
 * @param maxUnknown         share of topic words the corpus may lack before the question is refused
 * @param minMeaning         (hybrid) cosine between the question and the closest sentence about a framework it
 *                           names at which the question is never refused for its unknown words: "what trips
 *                           teams up with X?" holds words no article uses but means what an article says
 */
public record RelevanceGate(double minDense, double minDenseWithWords, double minCoverage, double minKeywordCoverage,
                            double maxUnknown, double minMeaning) {

    /** The tuned defaults (docs/retrieval.md says how each was chosen). */
    public static RelevanceGate defaults() {
        return new RelevanceGate(0.42, 0.35, 0.5, 0.5, 0.5, 0.34);
    }

    /**
     * @param query        the analysed question
     * @param topic        its topic words (analysed)
     * @param unknownShare IDF-weighted share of topic words no passage holds, in the sentence naming a framework
     *                     that has the smallest share
     * @param exact        best single-passage share of the topic words held exactly (no fuzzy matching), 0..1
     * @param coverage     best single-passage coverage of the topic words, 0..1
     * @param matched      how many topic words that best passage holds
     * @param denseTop     best cosine similarity, NaN in keyword mode
     * @param domainWords  whether the question is about software although its topic words may not say so: a domain
 *                     word ("which backend should we use?"), or a recommendation among the covered frameworks of
 *                     a language it names ("we're a C# shop, recommendations?", which is then in scope)
     */
    public GateDecision decide(AnalyzedQuery query, List<String> topic, double unknownShare, double exact,
                               double coverage, int matched, double denseTop, boolean domainWords) {
        if (query.dangling()) {
            return new GateDecision(false, "needs_context", coverage, denseTop);
        }
        if (query.frameworks().isEmpty() && !query.notCovered().isEmpty()) {
            return new GateDecision(false, "not_covered", coverage, denseTop);
        }
        if (!query.frameworks().isEmpty() && !topic.isEmpty() && unknownShare >= maxUnknown && exact < 0.34) {
            return new GateDecision(false, "unknown_terms", coverage, denseTop);
        }
        if (query.frameworks().isEmpty()) {
            if (topic.isEmpty() && !domainWords) {
                return new GateDecision(false, "off_topic", coverage, denseTop);
            }
            if (query.intent() == Intent.SCENARIO && !query.languages().isEmpty() && domainWords) {
                return new GateDecision(true, "ok", coverage, denseTop); // a choice among a covered language's frameworks
            }
            // a follow-up continues a conversation that was in scope: it needs less to stay there
            double slack = query.followUp() ? 0.1 : 0;
            boolean inScope = Double.isNaN(denseTop)
                    ? topic.isEmpty() || coverage >= minKeywordCoverage - slack
                            || (coverage >= minKeywordCoverage - 0.1 - slack && matched >= 2)
                    : denseTop >= minDense - slack || (denseTop >= minDenseWithWords - slack && coverage >= minCoverage - slack);
            if (!inScope) {
                return new GateDecision(false, "off_topic", coverage, denseTop);
            }
        }
        return new GateDecision(true, "ok", coverage, denseTop);
    }
}
