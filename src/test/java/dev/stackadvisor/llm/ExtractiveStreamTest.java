package dev.stackadvisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.ServerExtension;
import dev.stackadvisor.testing.SseClient;
import dev.stackadvisor.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without an LLM the stream carries the extractive answer sentence by sentence (hybrid mode, real model). */
@EndToEnd
class ExtractiveStreamTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.shared(AppConfig.Retrieval.HYBRID);

    @Test
    void should_stream_the_extractive_answer_sentence_by_sentence() {
        String question = "laravel or django for an ecommerce site";
        List<SseClient.Event> events = SseClient.post(server.baseUrl() + "/api/chat/stream",
                TestServer.toJson(Map.of("message", question, "sessionId", "stream-a")));
        List<String> names = events.stream().map(SseClient.Event::name).toList();
        assertEquals(List.of("meta", "citations"), names.subList(0, 2));
        assertEquals("extractive", events.get(0).data().path("mode").asText());
        assertEquals("done", names.get(names.size() - 1));
        long tokens = names.stream().filter("token"::equals).count();
        assertTrue(tokens >= 3, names.toString());
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.name().equals("token")).forEach(e -> text.append(e.data().path("text").asText()));
        JsonNode done = events.get(events.size() - 1).data();
        assertEquals(done.path("answer").asText(), text.toString());
        assertEquals(done.path("citations"), events.get(1).data().path("citations"));

        JsonNode chat = server.chat(question, "stream-b").json();
        assertEquals(chat.path("answer"), done.path("answer"));
        assertEquals(chat.path("citations"), done.path("citations"));
        // the done event carries the structured answer too: a block per framework compared
        assertEquals(chat.path("sections"), done.path("sections"));
        assertEquals(List.of("Django", "Laravel"), done.path("sections").path("frameworks").findValuesAsText("name").stream()
                .sorted().toList(), done::toString);
    }

    @Test
    void should_stream_a_refusal_with_no_citations() {
        List<SseClient.Event> events = SseClient.post(server.baseUrl() + "/api/chat/stream",
                TestServer.toJson(Map.of("message", "what is the capital of France?")));
        JsonNode done = events.get(events.size() - 1).data();
        assertEquals(false, done.path("grounded").asBoolean());
        assertEquals(0, done.path("citations").size());
    }

    @Test
    void should_reject_bad_input_before_streaming() {
        TestServer.Response r = server.postJson("/api/chat/stream", "{\"message\": \"\"}");
        assertEquals(400, r.status());
        assertEquals("invalid_request", r.json().path("error").path("code").asText());
    }
}
