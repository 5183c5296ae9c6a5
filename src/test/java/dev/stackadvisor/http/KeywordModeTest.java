package dev.stackadvisor.http;

import static dev.stackadvisor.testing.AnswerAssertions.assertCitationsVerbatimAndReferenced;
import static dev.stackadvisor.testing.AnswerAssertions.assertRefused;
import static dev.stackadvisor.testing.AnswerAssertions.frameworks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.ServerExtension;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same API with {@code ADVISOR_RETRIEVAL=keyword}: BM25 only, no embedding model. */
@Timeout(120) // a hung request fails the test instead of the build
@EndToEnd
class KeywordModeTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.shared(AppConfig.Retrieval.KEYWORD);

    @Test
    void should_report_keyword_retrieval_without_embedding_cache() {
        Response r = server.get("/health");

        assertEquals(200, r.status(), r::toString);
        JsonNode h = r.json();
        assertEquals("ok", h.path("status").asText(), r::toString);
        assertTrue(h.path("ready").asBoolean(false), r::toString);
        assertEquals("keyword", h.path("retrieval").asText(), r::toString);
        assertEquals("off", h.path("embeddingCache").asText(), r::toString);
        assertEquals(0, h.path("embeddedPassages").asInt(-1), r::toString);
        assertEquals(5, h.path("documents").asInt(), r::toString);
    }

    @Test
    void should_answer_comparison_with_verbatim_citations() {
        Response r = server.chat("should we use FastAPI or NestJS for agents?");

        assertEquals(200, r.status(), r::toString);
        JsonNode a = r.json();
        assertTrue(a.path("grounded").asBoolean(false), r::toString);
        assertEquals("extractive", a.path("mode").asText(), r::toString);
        assertTrue(frameworks(a).containsAll(List.of("FastAPI", "NestJS")), r::toString);
        assertTrue(assertCitationsVerbatimAndReferenced(a) >= 2, r::toString);
    }

    @Test
    void should_refuse_off_topic_question() {
        Response r = server.chat("what is the capital of France?");

        assertEquals(200, r.status(), r::toString);
        assertRefused(r.json());
    }
}
