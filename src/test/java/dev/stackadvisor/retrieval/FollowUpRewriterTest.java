package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.CompressingQueryTransformer;
import dev.langchain4j.rag.query.transformer.DefaultQueryTransformer;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The follow-up rewrite as a langchain4j query transformer: what the restatement is given, when the rules' reading
 * stands, langchain4j's own transformers plugged in, and the question analyzer reading the result. No LLM: stand-ins.
 */
class FollowUpRewriterTest {

    private static final List<ChatMessage> CONVERSATION = List.of(UserMessage.from("tell me about django"),
            AiMessage.from("Django ships an admin panel."));

    @Test
    void should_restate_a_follow_up_from_the_conversation_it_is_given() {
        List<Object> seen = new ArrayList<>();
        RestatingQueryTransformer llm = new RestatingQueryTransformer((conversation, question) -> {
            seen.add(conversation);
            seen.add(question);
            return Optional.of("what are the weaknesses of Django?");
        });

        Optional<String> standalone = new FollowUpRewriter(llm, CONVERSATION).rewrite("and its weaknesses?");

        assertEquals(Optional.of("what are the weaknesses of Django?"), standalone);
        assertEquals(List.of(CONVERSATION, "and its weaknesses?"), seen);
    }

    @Test
    void should_leave_the_query_as_it_is_when_no_restatement_can_be_had() {
        RestatingQueryTransformer failing = new RestatingQueryTransformer((conversation, question) -> Optional.empty());
        Query asked = Query.from("and its weaknesses?");

        assertSame(asked, failing.transform(asked).iterator().next());
        assertEquals(Optional.empty(), new FollowUpRewriter(failing, CONVERSATION).rewrite("and its weaknesses?"));
    }

    @Test
    void should_read_a_transformer_that_returns_its_query_as_no_rewrite() {
        // langchain4j's DefaultQueryTransformer returns the query it is given
        assertEquals(Optional.empty(),
                new FollowUpRewriter(new DefaultQueryTransformer(), CONVERSATION).rewrite("and its weaknesses?"));
    }

    @Test
    void should_plug_in_langchain4js_compressing_transformer_with_the_conversation_as_chat_memory() {
        List<String> prompts = new ArrayList<>();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                prompts.add(((UserMessage) request.messages().get(0)).singleText());
                return ChatResponse.builder().aiMessage(AiMessage.from("django weaknesses")).build();
            }
        };

        Optional<String> standalone = new FollowUpRewriter(new CompressingQueryTransformer(model), CONVERSATION)
                .rewrite("and its weaknesses?");

        assertEquals(Optional.of("django weaknesses"), standalone);
        assertTrue(prompts.get(0).contains("User: tell me about django"), prompts.get(0));
        assertTrue(prompts.get(0).contains("AI: Django ships an admin panel."), prompts.get(0));
    }

    @Test
    void should_have_the_analyzer_read_the_restated_question_only_when_it_keeps_the_frameworks() {
        HandCorpus corpus = new HandCorpus(
                new HandCorpus.Text("d1", List.of("Django"), Aspect.GENERAL, "Django ships an admin panel."),
                new HandCorpus.Text("d2", List.of("Django"), Aspect.WEAKNESS, "Django feels heavy for tiny services."),
                new HandCorpus.Text("f1", List.of("FastAPI"), Aspect.GENERAL, "FastAPI validates requests with type hints."));
        FrameworkLexicon lexicon = new FrameworkLexicon();
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (Passage p : corpus.passages) {
            p.frameworks().forEach(f -> covered.merge(f, 1, Integer::sum));
        }
        QueryAnalyzer analyzer = new QueryAnalyzer(lexicon, covered, corpus.keyword,
                new QuestionCues(corpus.keyword, lexicon), LanguageCues.bundled(), corpus.stats, null, null,
                Tuning.bundled().analysis());
        PreviousTurn previous = new PreviousTurn("tell me about django", List.of("Django"));

        AnalyzedQuery kept = analyzer.transform("and its weaknesses?", previous, new FollowUpRewriter(
                new RestatingQueryTransformer((c, q) -> Optional.of("what are the weaknesses of Django?")), CONVERSATION));
        AnalyzedQuery dropped = analyzer.transform("and its weaknesses?", previous, new FollowUpRewriter(
                new RestatingQueryTransformer((c, q) -> Optional.of("what are the weaknesses?")), CONVERSATION));

        assertEquals("what are the weaknesses of Django?", kept.message());
        assertEquals(List.of("Django"), kept.frameworks());
        assertFalse(kept.followUp(), "read as the standalone question it now is");
        assertEquals("and its weaknesses?", dropped.message(), "a restatement that loses Django is not used");
        assertTrue(dropped.followUp());
    }
}
