package dev.stackadvisor.retrieval;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Restates a follow-up ("and its limitations?") as a standalone question from the conversation, through a langchain4j
 * {@link QueryTransformer} ({@link RestatingQueryTransformer} over the LLM in the service; any other, such as
 * langchain4j's {@code CompressingQueryTransformer}, plugs in the same way). The follow-up goes in as a {@link Query}
 * whose metadata holds the conversation as chat memory; {@link QueryAnalyzer#transform} reads what comes out.
 * One per turn: it holds that turn's conversation.
 */
public final class FollowUpRewriter {

    private final QueryTransformer transformer;
    private final List<ChatMessage> conversation;

    /**
     * @param transformer  what restates; it returns the query it was given, as langchain4j's transformers do, when it
     *                     has nothing to restate
     * @param conversation the session's earlier messages, oldest first (the query's chat memory)
     */
    public FollowUpRewriter(QueryTransformer transformer, List<ChatMessage> conversation) {
        this.transformer = transformer;
        this.conversation = List.copyOf(conversation);
    }

    /**
     * The standalone question: the text of the first query the transformer returns.
     *
     * @param followUp the follow-up as sent (not blank)
     * @return empty when the transformer returns no query or the very query it was given (the rules' reading of the
     *         follow-up then stands)
     */
    public Optional<String> rewrite(String followUp) {
        Query asked = Query.from(followUp, new Metadata(UserMessage.from(followUp), null, conversation));
        Collection<Query> out = transformer.transform(asked);
        if (out == null || out.isEmpty()) {
            return Optional.empty();
        }
        Query first = out.iterator().next();
        return first == asked ? Optional.empty() : Optional.of(first.text());
    }
}
