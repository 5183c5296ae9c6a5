package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.AnswerAssertions;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;

/**
 * Documents no one here wrote: FastAPI's "Alternatives, Inspiration and Comparisons" and three Hono pages
 * (Markdown, src/test/resources/corpus-extra, see its SOURCES.md), loaded beside {@code corpus/} with
 * sources.json entries as a team would add them. The real server answers what only they say, citing them, in
 * both retrieval modes, and never quotes their code.
 */
@Timeout(300) // the first hybrid start embeds the extra documents
@EndToEnd
class ForeignDocumentsTest {

    private static final Path FIXTURE = Path.of("src", "test", "resources", "corpus-extra");
    private static final Map<AppConfig.Retrieval, TestServer> SERVERS = new EnumMap<>(AppConfig.Retrieval.class);
    private static Path corpus;

    @BeforeAll
    static void startServers() throws IOException {
        corpus = Files.createTempDirectory("corpus-extra");
        try (Stream<Path> files = Files.list(TestServer.corpusDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        for (Path f : markdown()) {
            Files.copy(f, corpus.resolve(f.getFileName()));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode sources = (ObjectNode) json.readTree(corpus.resolve("sources.json").toFile());
        ArrayNode documents = (ArrayNode) sources.path("documents");
        documents.add(entry(json, "fastapi-alternatives", "Alternatives, Inspiration and Comparisons", "FastAPI documentation"));
        documents.add(entry(json, "hono-philosophy", "Philosophy", "Hono documentation"));
        // hono-benchmarks and hono-web-standard have no entry: their titles come from their first heading
        json.writeValue(corpus.resolve("sources.json").toFile(), sources);
        for (AppConfig.Retrieval mode : AppConfig.Retrieval.values()) {
            SERVERS.put(mode, TestServer.start(TestServer.config(mode, Path.of("target", "test-cache-extra"),
                    Map.of("ADVISOR_CORPUS_DIR", corpus.toString()))));
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(TestServer::stop);
    }

    static Stream<Arguments> questions() {
        List<Arguments> out = new ArrayList<>();
        for (AppConfig.Retrieval mode : AppConfig.Retrieval.values()) {
            out.add(Arguments.of(mode, "what did FastAPI take from Flask?", "fastapi-alternatives"));
            out.add(Arguments.of(mode, "why was Hono created?", "hono-philosophy"));
            out.add(Arguments.of(mode, "which runtimes does Hono run on?", "hono-web-standard"));
            out.add(Arguments.of(mode, "what router does Hono use?", "hono-"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("questions")
    void should_answer_from_the_foreign_documents_with_their_citations(AppConfig.Retrieval mode, String question,
            String documentPrefix) {
        TestServer server = SERVERS.get(mode);
        Response r = server.chat(question);
        assertEquals(200, r.status(), r::toString);
        JsonNode a = r.json();
        assertTrue(a.path("grounded").asBoolean(false), r::toString);
        List<String> cited = new ArrayList<>();
        for (JsonNode c : a.path("citations")) {
            String id = c.path("documentId").asText();
            cited.add(id);
            String text = server.services().catalog().text(id).orElseThrow();
            assertTrue(TestServer.normalizeWhitespace(text).contains(TestServer.normalizeWhitespace(c.path("quote").asText())),
                    () -> "not verbatim text of " + id + ": " + c);
        }
        assertTrue(cited.stream().anyMatch(id -> id.startsWith(documentPrefix)), () -> "no citation of " + documentPrefix
                + "*: " + r);
        Set<Integer> markers = new TreeSet<>(AnswerAssertions.markers(a.path("answer").asText()));
        assertEquals(a.path("citations").size(), markers.size(), r::toString);
        for (String line : codeLines()) {
            assertFalse(r.body().contains(line), () -> "code quoted: " + line + " in " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(AppConfig.Retrieval.class)
    void should_never_make_a_passage_of_code(AppConfig.Retrieval mode) {
        List<String> code = codeLines();
        assertTrue(code.size() > 20, "the fixture has code blocks: " + code.size());
        SERVERS.get(mode).services().catalog().sources().forEach(source -> {
            String text = SERVERS.get(mode).services().catalog().text(source.documentId()).orElseThrow();
            for (String line : code) {
                assertFalse(text.contains(line), () -> source.documentId() + " holds the code line " + line);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(AppConfig.Retrieval.class)
    void should_list_every_document_with_passages_frameworks_and_warnings_in_health(AppConfig.Retrieval mode) {
        Response r = SERVERS.get(mode).get("/health");
        assertEquals(200, r.status(), r::toString);
        assertEquals(9, r.json().path("documents").asInt(), r::toString);
        Map<String, JsonNode> byFile = new java.util.HashMap<>();
        r.json().path("corpus").forEach(d -> byFile.put(d.path("file").asText(), d));
        assertEquals(9, byFile.size(), r::toString);
        JsonNode web = byFile.get("hono-web-standard.md");
        assertTrue(web.path("passages").asInt() > 0, web::toString);
        assertTrue(web.path("frameworks").toString().contains("\"Hono\""), web::toString);
        assertTrue(web.path("warnings").toString().contains("first heading"), "titled from its heading: " + web);
        JsonNode philosophy = byFile.get("hono-philosophy.md");
        assertEquals(0, philosophy.path("warnings").size(), "sources.json titles it: " + philosophy);
    }

    /** Lines inside the fixture's code fences, long enough to be recognisable (at least 12 chars). */
    private static List<String> codeLines() {
        List<String> out = new ArrayList<>();
        try {
            for (Path f : markdown()) {
                boolean inFence = false;
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (t.startsWith("```")) {
                        inFence = !inFence;
                    } else if (inFence && t.length() >= 12) {
                        out.add(t);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static List<Path> markdown() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURE)) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("SOURCES.md"))
                    .sorted().toList();
        }
    }

    private static ObjectNode entry(ObjectMapper json, String id, String title, String publisher) {
        return json.createObjectNode().put("id", id).put("title", title).put("publisher", publisher);
    }
}
