package dev.stackadvisor.retrieval;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;

/**
 * An analysed question as langchain4j's {@link Query}, for our retrievers' {@code ContentRetriever} side: the text is
 * the question as read ({@link AnalyzedQuery#message}), and the analysis travels as the invocation parameter
 * {@value #PARAMETER}, the channel langchain4j gives RAG components for values the query text cannot hold (the
 * analysis is made once, by {@link QueryAnalyzer}, with the question's embedding; a retriever does not redo it).
 */
public final class RetrievalQuery {

    /** The invocation parameter holding the {@link AnalyzedQuery}. */
    public static final String PARAMETER = "stackadvisor.analyzedQuery";

    private RetrievalQuery() {
    }

    /**
     * The query for an analysed question.
     *
     * @throws IllegalArgumentException when the question's text is blank
     */
    public static Query of(AnalyzedQuery analysed) {
        InvocationContext context = InvocationContext.builder()
                .invocationParameters(InvocationParameters.from(PARAMETER, analysed)).build();
        return Query.from(analysed.message(), Metadata.builder()
                .chatMessage(UserMessage.from(analysed.message())).invocationContext(context).build());
    }

    /**
     * The analysis a query carries.
     *
     * @throws IllegalArgumentException when it carries none (a plain {@code Query.from(text)}): our retrievers rank
     *                                  an analysed question, see {@link #of}
     */
    public static AnalyzedQuery analysed(Query query) {
        Metadata metadata = query.metadata();
        InvocationContext context = metadata == null ? null : metadata.invocationContext();
        InvocationParameters parameters = context == null ? null : context.invocationParameters();
        Object analysed = parameters == null ? null : parameters.get(PARAMETER);
        if (analysed instanceof AnalyzedQuery a) {
            return a;
        }
        throw new IllegalArgumentException("the query carries no analysed question (make it with RetrievalQuery.of)");
    }
}
