package dev.stackadvisor.retrieval;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * What the relevance gate judges a question on; it measures the rest itself.
 *
 * @param query       the analysed question (its topic words, synonyms, frameworks, intent, languages)
 * @param general     the fused passages for the whole question, best first
 * @param byFramework for each framework the answer is about, its fused passages, best first
 * @param denseTop    best passage cosine to the question, NaN in keyword mode
 * @param meaning     cosine between the question and the closest sentence of the passages about the frameworks it
 *                    names, NaN without sentence vectors; asked only for a question refused for its unknown words
 */
public record GateInput(AnalyzedQuery query, List<RankedPassage> general, Map<String, List<RankedPassage>> byFramework,
                        double denseTop, DoubleSupplier meaning) {
}
