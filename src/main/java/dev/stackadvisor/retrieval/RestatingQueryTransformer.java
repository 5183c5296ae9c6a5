package dev.stackadvisor.retrieval;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A {@link QueryTransformer} that restates a query from its conversation (the query metadata's chat memory) with a
 * {@link Restatement}: in the service, the LLM answerer's bounded call with {@code prompts/rewrite.txt}. This is what
 * langchain4j's {@code CompressingQueryTransformer} does, minus what keeps it out of a request path here: it calls
 * its {@code ChatModel} with no deadline, breaker or fallback, so a failing LLM would fail the turn, and its prompt
 * reads {@code {{chatMemory}}} and {@code {{query}}}. A restatement that cannot be had leaves the query as it is.
 */
public final class RestatingQueryTransformer implements QueryTransformer {

    /** What restates a question from a conversation. */
    @FunctionalInterface
    public interface Restatement {

        /**
         * @param conversation earlier messages, oldest first; may be empty
         * @param question     the question to restate
         * @return the standalone question, or empty when it cannot be had (no LLM, a failure, a timeout)
         */
        Optional<String> restate(List<ChatMessage> conversation, String question);
    }

    private final Restatement restatement;

    /** @param restatement what restates; it must not throw (a failure is an empty restatement) */
    public RestatingQueryTransformer(Restatement restatement) {
        this.restatement = restatement;
    }

    /**
     * @return one query: the restated one with the given query's metadata, or the given query itself when the
     *         restatement is empty; the restatement is asked even with no chat memory (the caller decided the
     *         question is a follow-up)
     */
    @Override
    public Collection<Query> transform(Query query) {
        List<ChatMessage> memory = query.metadata() == null || query.metadata().chatMemory() == null
                ? List.of() : query.metadata().chatMemory();
        Optional<String> restated = restatement.restate(memory, query.text());
        if (restated.isEmpty()) {
            return List.of(query);
        }
        return List.of(query.metadata() == null ? Query.from(restated.get())
                : Query.from(restated.get(), query.metadata()));
    }
}
