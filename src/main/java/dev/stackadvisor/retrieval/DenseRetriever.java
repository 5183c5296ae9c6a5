package dev.stackadvisor.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.ScoredPassage;
import java.util.List;

/**
 * The dense ranking: the question's embedding, made once by {@link QueryAnalyzer} (of its words without framework
 * names), scored against every passage (an exhaustive scan of ~370 vectors, ~0.1 ms). A langchain4j
 * {@code ContentRetriever} through {@link PassageRetriever}. Thread-safe.
 */
public final class DenseRetriever implements PassageRetriever {

    private final DenseIndex dense;

    public DenseRetriever(DenseIndex dense) {
        this.dense = dense;
    }

    /**
     * @throws IllegalArgumentException when the question was analysed without an embedding (keyword mode's analyzer)
     */
    @Override
    public List<ScoredPassage> retrieve(AnalyzedQuery query) {
        if (query.vector() == null) {
            throw new IllegalArgumentException("the question was analysed without an embedding");
        }
        return dense.scoreAll(new Embedding(query.vector()));
    }
}
