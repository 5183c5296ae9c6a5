package dev.stackadvisor.retrieval;

import java.util.List;
import java.util.Map;

/**
 * What retrieval found for one question.
 *
 * @param query       the analysed question
 * @param general     the fused top passages for the whole question, best first
 * @param frameworks  the frameworks the answer is about: those asked about, or for a scenario the ones the
 *                    evidence recommends, in order
 * @param byFramework for each of {@code frameworks}, in their order, the passages about it, fused and best first
 * @param topicTerms  the analysed words of the question that are not framework names or filler
 * @param gate        whether the sources can answer
 * @param queryVector the question's embedding (float[384], L2-normalised), null in keyword mode
 * @param fact        for a question asking for a kind of fact ({@link AnalyzedQuery#answerType()}), the sentence
 *                    that states it; else null
 * @param selection   the candidate sentences ranked by how well they answer the question ({@link AnswerSelector})
 */
public record Evidence(AnalyzedQuery query, List<RankedPassage> general, List<String> frameworks,
                       Map<String, List<RankedPassage>> byFramework, List<String> topicTerms, GateDecision gate,
                       float[] queryVector, Fact fact, Selection selection) {
    public Evidence {
        general = List.copyOf(general);
        frameworks = List.copyOf(frameworks);
        // ordered as the frameworks: stages that iterate it (fact finding, disagreements) must see the same order
        // in every JVM run, which Map.copyOf does not promise
        byFramework = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byFramework));
        topicTerms = List.copyOf(topicTerms);
        java.util.Objects.requireNonNull(selection, "selection");
    }
}
