package dev.stackadvisor.retrieval;

import dev.stackadvisor.index.ScoredPassage;
import java.util.List;

/**
 * One ranking of the corpus for an analysed question (langchain4j's {@code ContentRetriever}, over passages): every
 * passage it finds, best first, so that per-framework rankings are filtered views of it.
 */
public interface PassageRetriever {

    /** Every matching passage, best first; empty when this retriever has nothing to rank by. */
    List<ScoredPassage> retrieve(AnalyzedQuery query);
}
