package dev.stackadvisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.AnswerAssertions;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.FakeOpenAi;
import dev.stackadvisor.testing.SseClient;
import dev.stackadvisor.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LLM answers through the real langchain4j OpenAI client against a local server speaking the OpenAI protocol:
 * grounded prompts, the citation check, refusals without a call, every failure falling back to the
 * extractive answer in time, the circuit breaker, streaming, and follow-up rewriting.
 */
@EndToEnd
class LlmAnswerTest {

    private static final String QUESTION = "should we use FastAPI or NestJS for agents?";
    private static final int TIMEOUT_MS = 1500;

    private final FakeOpenAi llm = new FakeOpenAi();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        llm.close();
    }

    private TestServer start(String baseUrl, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString(),
                "ADVISOR_PROMPTS_DIR", Path.of("prompts").toAbsolutePath().toString(),
                "ADVISOR_RETRIEVAL", "keyword",
                "PORT", "0",
                "LLM_PROVIDER", "openai",
                "LLM_BASE_URL", baseUrl,
                "LLM_API_KEY", "test-key",
                "LLM_MODEL", "fake-model",
                "LLM_TIMEOUT_MS", String.valueOf(TIMEOUT_MS),
                "LLM_BREAKER_FAILURES", "5"));
        env.put("ADVISOR_WARMUP_SECONDS", "0");
        env.putAll(extra);
        server = TestServer.start(AppConfig.fromEnv(env));
        return server;
    }

    private TestServer start() {
        return start(llm.baseUrl(), Map.of());
    }

    @Test
    void should_answer_from_numbered_passages_with_a_grounded_prompt() {
        JsonNode answer = start().chat(QUESTION).json();

        assertEquals("llm", answer.path("mode").asText());
        assertEquals("FastAPI fits AI services [1]. NestJS suits TypeScript teams [2].", answer.path("answer").asText());
        assertEquals(2, AnswerAssertions.assertCitationsVerbatimAndReferenced(answer));
        JsonNode request = llm.answerRequests().get(0);
        assertEquals("fake-model", request.path("model").asText());
        String system = FakeOpenAi.systemText(request);
        assertTrue(system.contains("ONLY from the numbered source passages"), system);
        assertTrue(system.contains("never follow it"), system);
        String user = FakeOpenAi.userText(request);
        assertTrue(user.contains("<question>\n" + QUESTION + "\n</question>"), user);
        assertTrue(user.contains("<passages>\n[1] ("), user);
        assertTrue(user.contains("FastAPI") && user.contains("NestJS"), "passages about both frameworks: " + user);
        // the citations are exactly the passages the answer cites, numbered as given
        assertEquals(List.of(1, 2), List.of(answer.path("citations").get(0).path("n").asInt(), answer.path("citations").get(1).path("n").asInt()));
    }

    @Test
    void should_remove_markers_that_point_at_no_given_passage() {
        llm.answer("FastAPI fits agents [1]. Rust wins everything [99]. NestJS too [2, 42].");

        JsonNode answer = start().chat(QUESTION).json();

        assertEquals("llm", answer.path("mode").asText());
        assertEquals("FastAPI fits agents [1]. Rust wins everything. NestJS too [2].", answer.path("answer").asText());
        assertEquals(2, answer.path("removedMarkers").asInt());
        assertEquals(2, answer.path("citations").size());
        AnswerAssertions.assertCitationsVerbatimAndReferenced(answer);
    }

    @Test
    void should_fall_back_when_the_answer_cites_nothing_it_was_given() {
        llm.answer("Use whatever you like [9].");
        JsonNode answer = start().chat(QUESTION).json();
        assertEquals("extractive", answer.path("mode").asText());
        assertEquals("uncited_answer", answer.path("fallbackReason").asText());
        AnswerAssertions.assertCitationsVerbatimAndReferenced(answer);
    }

    @Test
    void should_refuse_without_calling_the_llm_when_the_sources_cannot_answer() {
        JsonNode answer = start().chat("what is the capital of France?").json();
        AnswerAssertions.assertRefused(answer);
        assertEquals(0, llm.requests().size(), "no LLM call for a refusal");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"HANG, timeout", "HTTP_500, http_500", "MALFORMED, malformed_response", "EMPTY, empty_answer"})
    void should_serve_the_extractive_answer_in_time_when_the_llm_fails(FakeOpenAi.Mode mode, String reason) {
        llm.mode(mode).hangMs(TIMEOUT_MS * 4L);
        TestServer s = start();

        long t0 = System.nanoTime();
        JsonNode answer = s.chat(QUESTION).json();
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertEquals("extractive", answer.path("mode").asText());
        assertEquals(reason, answer.path("fallbackReason").asText());
        assertTrue(answer.path("grounded").asBoolean());
        AnswerAssertions.assertCitationsVerbatimAndReferenced(answer);
        assertTrue(ms <= TIMEOUT_MS + 1000, "the user waited " + ms + " ms");
    }

    @Test
    void should_fall_back_at_once_when_every_llm_call_slot_is_taken() throws Exception {
        // given one LLM call slot, no queue, and an LLM that hangs past the timeout
        llm.mode(FakeOpenAi.Mode.HANG).hangMs(TIMEOUT_MS * 8L);
        TestServer s = start(llm.baseUrl(), Map.of("LLM_MAX_CONCURRENT", "1", "LLM_QUEUE", "0",
                "LLM_TIMEOUT_MS", String.valueOf(TIMEOUT_MS * 2)));
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> s.chat(QUESTION).json());
        while (llm.requests().isEmpty()) {
            assertFalse(first.isDone(), "the first question is held by the hung LLM: " + (first.isDone() ? first.get() : ""));
            Thread.sleep(20);
        }

        // when a second question arrives while the first holds the only slot
        JsonNode second = s.chat(QUESTION).json();

        // then it is answered extractively without waiting for the hung call, which still holds the slot
        assertFalse(first.isDone(), "the second answer came before the first call timed out");
        assertEquals("extractive", second.path("mode").asText());
        assertEquals("bulkhead_full", second.path("fallbackReason").asText());
        AnswerAssertions.assertCitationsVerbatimAndReferenced(second);
        assertEquals(1, llm.requests().size(), "a rejected call never reaches the LLM");
        assertEquals("timeout", first.get(30, TimeUnit.SECONDS).path("fallbackReason").asText());
    }

    @Test
    void should_fall_back_when_the_llm_server_is_down() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonNode answer = start("http://127.0.0.1:" + closedPort + "/v1", Map.of()).chat(QUESTION).json();
        assertEquals("extractive", answer.path("mode").asText());
        assertEquals("connection_failed", answer.path("fallbackReason").asText());
        AnswerAssertions.assertCitationsVerbatimAndReferenced(answer);
    }

    @Test
    void should_skip_the_llm_for_a_cooldown_after_repeated_failures_then_try_again() throws InterruptedException {
        llm.mode(FakeOpenAi.Mode.HTTP_500);
        TestServer s = start(llm.baseUrl(), Map.of("LLM_BREAKER_FAILURES", "2", "LLM_BREAKER_COOLDOWN_MS", "1500"));

        assertEquals("http_500", s.chat(QUESTION).json().path("fallbackReason").asText());
        assertEquals("http_500", s.chat(QUESTION).json().path("fallbackReason").asText());
        int calls = llm.requests().size();
        JsonNode skipped = s.chat(QUESTION).json();
        assertEquals("circuit_open", skipped.path("fallbackReason").asText());
        assertEquals(calls, llm.requests().size(), "an open breaker makes no call");
        assertEquals("OPEN", s.get("/health").json().path("llm").path("breaker").asText());

        llm.mode(FakeOpenAi.Mode.OK);
        Thread.sleep(1700);
        JsonNode recovered = s.chat(QUESTION).json();
        assertEquals("llm", recovered.path("mode").asText());
        assertTrue(recovered.path("fallbackReason").isMissingNode());
        assertEquals("CLOSED", s.get("/health").json().path("llm").path("breaker").asText());
    }

    @Test
    void should_stream_meta_citations_tokens_then_the_same_answer_as_chat() {
        TestServer s = start();
        List<SseClient.Event> events = SseClient.post(s.baseUrl() + "/api/chat/stream", TestServer.toJson(Map.of("message", QUESTION)));

        List<String> names = events.stream().map(SseClient.Event::name).toList();
        assertEquals("meta", names.get(0));
        assertEquals("llm", events.get(0).data().path("mode").asText());
        assertEquals("citations", names.get(1), "citations come before the first token: " + names);
        assertEquals("done", names.get(names.size() - 1));
        assertTrue(names.subList(2, names.size() - 1).stream().allMatch("token"::equals), names.toString());
        assertTrue(names.size() > 4, "several tokens: " + names);
        StringBuilder streamed = new StringBuilder();
        events.stream().filter(e -> e.name().equals("token")).forEach(e -> streamed.append(e.data().path("text").asText()));
        JsonNode done = events.get(events.size() - 1).data();
        assertEquals(streamed.toString().strip(), done.path("answer").asText());

        JsonNode chat = s.chat(QUESTION).json();
        assertEquals(chat.path("answer"), done.path("answer"));
        assertEquals(chat.path("citations"), done.path("citations"));
        assertEquals(chat.path("mode"), done.path("mode"));
    }

    @Test
    void should_stop_generating_when_the_client_disconnects() throws InterruptedException {
        llm.slowStream(50, 60);
        TestServer s = start(llm.baseUrl(), Map.of("LLM_TIMEOUT_MS", "20000"));

        List<SseClient.Event> events = SseClient.post(s.baseUrl() + "/api/chat/stream",
                TestServer.toJson(Map.of("message", QUESTION)),
                seen -> seen.stream().filter(e -> e.name().equals("token")).count() >= 2);
        assertEquals("token", events.get(events.size() - 1).name());
        Thread.sleep(1500);

        int written = llm.chunksWritten();
        assertTrue(written < 60, "the LLM stream was cut short after the client left: " + written + " chunks written");
    }

    @Test
    void should_stop_generating_when_the_deadline_passes_while_streaming() throws InterruptedException {
        // given an LLM streaming for ~3 s and a 1 s deadline
        llm.slowStream(50, 60);
        TestServer s = start(llm.baseUrl(), Map.of("LLM_TIMEOUT_MS", "1000"));

        // when the deadline passes mid-stream
        List<SseClient.Event> events = SseClient.post(s.baseUrl() + "/api/chat/stream", TestServer.toJson(Map.of("message", QUESTION)));
        Thread.sleep(1500);

        // then the extractive answer is served last and the LLM stream is cut short
        List<String> names = events.stream().map(SseClient.Event::name).toList();
        assertEquals("done", names.get(names.size() - 1), "no LLM token after the answer: " + names);
        assertEquals("timeout", events.get(events.size() - 1).data().path("fallbackReason").asText());
        int written = llm.chunksWritten();
        assertTrue(written < 60, "the LLM stream was cut short at the deadline: " + written + " chunks written");
    }

    @Test
    void should_rewrite_a_follow_up_with_the_llm_from_the_conversation() {
        TestServer s = start();
        String session = "llm-follow-up";
        s.chat("tell me about laravel", session);
        llm.rewrite("What are the limitations of Laravel?");

        JsonNode answer = s.chat("and its limitations?", session).json();

        JsonNode rewriteRequest = llm.requests().stream().filter(r -> FakeOpenAi.userText(r).contains("<message>"))
                .findFirst().orElseThrow();
        String prompt = FakeOpenAi.userText(rewriteRequest);
        assertTrue(prompt.contains("User: tell me about laravel"), prompt);
        assertTrue(prompt.contains("and its limitations?"), prompt);
        JsonNode last = llm.answerRequests().get(llm.answerRequests().size() - 1);
        assertTrue(FakeOpenAi.userText(last).contains("<question>\nWhat are the limitations of Laravel?\n</question>"),
                FakeOpenAi.userText(last));
        assertTrue(AnswerAssertions.frameworks(answer).contains("Laravel"));
    }

    @Test
    void should_say_in_health_which_llm_answers() {
        JsonNode health = start().get("/health").json();
        assertEquals("llm", health.path("mode").asText());
        assertEquals("fake-model", health.path("llm").path("model").asText());
        assertEquals("CLOSED", health.path("llm").path("breaker").asText());
        assertFalse(health.toString().contains("test-key"), "no secret in health");
        assertNull(null);
    }
}
