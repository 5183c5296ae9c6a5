package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad files beside the real corpus, keyword retrieval: an empty file and one over ADVISOR_MAX_DOCUMENT_BYTES are
 * skipped and named in /health; a 2 MB line without punctuation (allowed by a raised limit) loads, and an answer
 * from it keeps its word cap and quotes at most {@link Segmenter#MAX_SENTENCE_CHARS} chars.
 */
@Timeout(120)
@EndToEnd
class BadDocumentsTest {

    private static TestServer server;

    @BeforeAll
    static void startServer() throws IOException {
        Path corpus = Files.createTempDirectory("bad-documents");
        try (Stream<Path> files = Files.list(TestServer.corpusDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        Files.writeString(corpus.resolve("empty.md"), "\n \n");
        StringBuilder line = new StringBuilder(2_100_000);
        String[] words = {"sqlalchemy", "migrations", "pile", "up", "without", "ceremony", "in", "flask", "projects"};
        for (int i = 0; line.length() < 2_000_000; i++) {
            line.append(words[i % words.length]).append(' ');
        }
        Files.writeString(corpus.resolve("one-line.txt"), line);
        Files.writeString(corpus.resolve("huge.txt"), line.toString().repeat(2));
        server = TestServer.start(TestServer.config(AppConfig.Retrieval.KEYWORD, Path.of("target", "test-cache-bad"),
                Map.of("ADVISOR_CORPUS_DIR", corpus.toString(), "ADVISOR_MAX_DOCUMENT_BYTES", "3000000")));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void should_skip_the_empty_and_the_oversize_file_and_name_them_in_health() {
        Response r = server.get("/health");
        assertEquals(200, r.status(), r::toString);
        assertEquals(6, r.json().path("documents").asInt(), "five articles and the one-line file: " + r);
        Map<String, JsonNode> byFile = new HashMap<>();
        r.json().path("corpus").forEach(d -> byFile.put(d.path("file").asText(), d));
        assertEquals(0, byFile.get("empty.md").path("passages").asInt(-1), r::toString);
        assertTrue(byFile.get("empty.md").path("warnings").toString().contains("empty"), r::toString);
        assertTrue(byFile.get("huge.txt").path("warnings").toString().contains("ADVISOR_MAX_DOCUMENT_BYTES"), r::toString);
        assertTrue(byFile.get("one-line.txt").path("passages").asInt() > 1000, r::toString);
    }

    @Test
    void should_answer_from_a_two_megabyte_line_within_the_word_cap_and_quote_length() {
        Response r = server.chat("sqlalchemy migrations ceremony in flask projects?");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.body().length() < 20_000, () -> "response of " + r.body().length() + " chars");
        JsonNode a = r.json();
        String answer = a.path("answer").asText().replaceAll("\\[\\d+]", "");
        assertTrue(answer.isBlank() || answer.trim().split("\\s+").length <= dev.stackadvisor.answer.ComposerTuning.bundled().maxWords() + 10,
                () -> "answer of " + answer.trim().split("\\s+").length + " words: " + answer);
        for (JsonNode c : a.path("citations")) {
            assertTrue(c.path("quote").asText().length() <= Segmenter.MAX_SENTENCE_CHARS + 50, c::toString);
        }
    }
}
