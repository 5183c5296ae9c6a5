package dev.stackadvisor.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.ServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real OpenAI client library, unchanged, against our {@code /v1}: langchain4j's {@link OpenAiChatModel} and
 * {@link OpenAiStreamingChatModel} with any API key and model {@code stack-advisor}. Runs in the default hybrid
 * retrieval mode (BM25 + MiniLM).
 */
@Timeout(180)
@EndToEnd
class OpenAiClientTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.shared(AppConfig.Retrieval.HYBRID);

    private static OpenAiChatModel model() {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("any-key").modelName("stack-advisor")
                .timeout(Duration.ofSeconds(30)).maxRetries(0).build();
    }

    private static OpenAiStreamingChatModel streamingModel() {
        return OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("any-key")
                .modelName("stack-advisor").timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void should_answer_through_langchain4js_openai_chat_model() {
        String text = model().chat("should we use FastAPI or NestJS for agents?");

        assertTrue(text.contains("FastAPI") && text.contains("NestJS"), text);
        assertTrue(text.contains("\n\nSources:\n[1] "), text);
        assertTrue(text.matches("(?s).*\\[1].*\\[2].*"), text);
    }

    @Test
    void should_report_usage_and_finish_reason_to_the_client() {
        ChatResponse response = model().chat(UserMessage.from("is go good for microservices"));

        assertEquals("stop", response.finishReason().name().toLowerCase(), response::toString);
        assertTrue(response.tokenUsage().outputTokenCount() > 0, response::toString);
        assertEquals(response.tokenUsage().inputTokenCount() + response.tokenUsage().outputTokenCount(),
                response.tokenUsage().totalTokenCount());
        assertEquals("stack-advisor", response.metadata().modelName());
    }

    @Test
    void should_stream_the_whole_answer_through_langchain4js_streaming_model() throws Exception {
        StringBuilder partials = new StringBuilder();
        List<String> pieces = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        streamingModel().chat("should we use FastAPI or NestJS for agents?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                pieces.add(partial);
                synchronized (partials) {
                    partials.append(partial);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        ChatResponse complete = done.get(60, TimeUnit.SECONDS);
        String full = complete.aiMessage().text();
        assertTrue(pieces.size() > 3, () -> "expected several deltas, got " + pieces);
        assertEquals(full, partials.toString(), "the deltas do not add up to the completed text");
        assertTrue(full.contains("FastAPI") && full.contains("\n\nSources:\n[1] "), full);
        assertEquals(model().chat("should we use FastAPI or NestJS for agents?"), full,
                "streamed and non-streamed answers differ");
    }

    @Test
    void should_follow_up_within_the_conversation_the_client_sends() {
        OpenAiChatModel model = model();
        String first = model.chat(UserMessage.from("whats laravel best at")).aiMessage().text();

        String followUp = model.chat(SystemMessage.from("You are a helpful assistant."), UserMessage.from("whats laravel best at"),
                AiMessage.from(first), UserMessage.from("and its limitations?")).aiMessage().text();

        String answer = followUp.split("\n\nSources:")[0];
        assertTrue(answer.contains("Laravel"), () -> "the follow-up is not about Laravel: " + followUp);
        assertFalse(answer.equals(first.split("\n\nSources:")[0]), "the follow-up got the first answer again");
    }

    @Test
    void should_surface_an_unknown_model_as_a_client_error() {
        OpenAiChatModel wrong = OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("k").modelName("gpt-4o")
                .timeout(Duration.ofSeconds(30)).maxRetries(0).build();

        RuntimeException e = assertThrows(RuntimeException.class, () -> wrong.chat("hi"));
        assertTrue(String.valueOf(e.getMessage()).contains("model_not_found"), () -> String.valueOf(e));
    }
}
