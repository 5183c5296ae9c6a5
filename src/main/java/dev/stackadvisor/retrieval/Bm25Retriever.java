package dev.stackadvisor.retrieval;

import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.ScoredPassage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BM25 ranking: the question's own words at {@link RetrievalTuning#OWN_WEIGHT}, a follow-up's previous question at
 * {@link RetrievalTuning#contextWeight}, the asked aspect's focus words at {@link RetrievalTuning#focusWeight} and the
 * synonyms of phrases and unknown words at {@link RetrievalTuning#synonymWeight}, each term once at the highest of
 * these that applies in that order of precedence (own words win). A langchain4j {@code ContentRetriever} through
 * {@link PassageRetriever}. Thread-safe.
 */
public final class Bm25Retriever implements PassageRetriever {

    private final KeywordIndex keyword;
    private final RetrievalTuning tuning;
    private final int passages;

    /** @param passages how many passages the index holds (every match is returned) */
    public Bm25Retriever(KeywordIndex keyword, RetrievalTuning tuning, int passages) {
        this.keyword = keyword;
        this.tuning = tuning;
        this.passages = passages;
    }

    @Override
    public List<ScoredPassage> retrieve(AnalyzedQuery query) {
        return keyword.search(weights(query), null, passages);
    }

    /** The weighted keyword query, in insertion order (context, focus, synonyms, own words). */
    Map<String, Double> weights(AnalyzedQuery query) {
        Map<String, Double> weighted = new LinkedHashMap<>();
        for (String t : query.terms().context()) {
            weighted.put(t, tuning.contextWeight());
        }
        for (String t : query.terms().focus()) {
            weighted.putIfAbsent(t, tuning.focusWeight());
        }
        query.reading().synonyms().values().forEach(list -> list.forEach(t -> weighted.putIfAbsent(t, tuning.synonymWeight())));
        for (String t : query.reading().terms()) {
            weighted.put(t, RetrievalTuning.OWN_WEIGHT);
        }
        return weighted;
    }
}
