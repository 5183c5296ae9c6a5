package dev.stackadvisor.retrieval;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.stackadvisor.index.ScoredPassage;
import java.util.List;

/**
 * One ranking of the corpus for an analysed question: every passage it finds, best first, so that per-framework
 * rankings are filtered views of it. It is a langchain4j {@link ContentRetriever}: given a {@link Query} made by
 * {@link RetrievalQuery#of}, it returns the same ranking as {@link PassageContent}s. {@link HybridRetriever} calls
 * {@link #retrieve(AnalyzedQuery)} directly, keeping the passages it filters and fuses.
 */
public interface PassageRetriever extends ContentRetriever {

    /** Every matching passage, best first; empty when this retriever has nothing to rank by. */
    List<ScoredPassage> retrieve(AnalyzedQuery query);

    /**
     * The same ranking as langchain4j contents, best first.
     *
     * @throws IllegalArgumentException when the query carries no analysed question ({@link RetrievalQuery#analysed})
     */
    @Override
    default List<Content> retrieve(Query query) {
        return PassageContent.of(retrieve(RetrievalQuery.analysed(query)));
    }
}
