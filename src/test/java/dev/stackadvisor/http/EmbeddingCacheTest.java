package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Start-up in hybrid mode embeds the corpus once and reloads the embeddings afterwards: two starts over the
 * same, initially empty cache directory, each with its own services (nothing shared with other tests).
 */
@Timeout(120) // a hung request fails the test instead of the build
@EndToEnd
class EmbeddingCacheTest {

    private static final String QUESTION = "should we use FastAPI or NestJS for agents?";

    private Path cacheDir;

    @BeforeEach
    void freshCacheDir() throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        cacheDir = Files.createTempDirectory(target, "embedding-cache-test-").toAbsolutePath();
    }

    @AfterEach
    void deleteCacheDir() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void should_embed_on_first_start_and_reuse_cache_on_second() {
        AppConfig config = TestServer.config(AppConfig.Retrieval.HYBRID, cacheDir);

        // when the service starts with an empty cache
        JsonNode firstHealth;
        JsonNode firstAnswer;
        try (TestServer first = TestServer.start(config)) {
            firstHealth = health(first);
            firstAnswer = answer(first);
        }

        // when it starts again over the same cache
        JsonNode secondHealth;
        JsonNode secondAnswer;
        try (TestServer second = TestServer.start(config)) {
            secondHealth = health(second);
            secondAnswer = answer(second);
        }

        // then the first start embedded every passage, the second none, and both answer alike
        int passages = firstHealth.path("passages").asInt();
        assertAll(
                () -> assertTrue(passages > 100, firstHealth::toString),
                () -> assertEquals("miss", firstHealth.path("embeddingCache").asText(), firstHealth::toString),
                () -> assertEquals(passages, firstHealth.path("embeddedPassages").asInt(-1),
                        () -> "a cold start embeds each passage once: " + firstHealth),
                () -> assertEquals("hit", secondHealth.path("embeddingCache").asText(), secondHealth::toString),
                () -> assertEquals(0, secondHealth.path("embeddedPassages").asInt(-1), secondHealth::toString),
                () -> assertEquals(passages, secondHealth.path("passages").asInt(), secondHealth::toString),
                () -> assertTrue(firstAnswer.path("grounded").asBoolean(false), firstAnswer::toString),
                () -> assertEquals(firstAnswer.path("answer").asText(), secondAnswer.path("answer").asText()),
                () -> assertEquals(firstAnswer.path("citations").toString(), secondAnswer.path("citations").toString()));
    }

    private static JsonNode health(TestServer server) {
        Response r = server.get("/health");
        assertEquals(200, r.status(), r::toString);
        assertEquals("hybrid", r.json().path("retrieval").asText(), r::toString);
        return r.json();
    }

    private static JsonNode answer(TestServer server) {
        Response r = server.chat(QUESTION);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }
}
