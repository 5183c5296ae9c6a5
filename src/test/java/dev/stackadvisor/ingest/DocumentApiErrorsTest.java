package dev.stackadvisor.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.DocumentClient;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TempCorpus;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The document API's answers to bad requests (the right 4xx and a JSON error, the corpus left as it was), its
 * multipart upload, and a server without admin keys. Keyword mode over a copy of the real corpus: no model needed.
 */
@Timeout(120)
@EndToEnd
class DocumentApiErrorsTest {

    private static final String KEY = "admin-key-errors";
    /** Above every corpus article (the longest is 50 KB: the same limit skips corpus files), below a big upload. */
    private static final int MAX_DOCUMENT_BYTES = 65_536;
    private static final String TEXT = "Quillpipe for Fastify\nQuillpipe is a Fastify plugin that coalesces identical "
            + "concurrent GET requests into one handler call.\n";

    private static TempCorpus dir;
    private static TestServer server;
    private static DocumentClient docs;

    @BeforeAll
    static void start() {
        dir = TempCorpus.create();
        server = TestServer.start(TestServer.config(AppConfig.Retrieval.KEYWORD, dir.cache(), Map.of(
                "ADVISOR_CORPUS_DIR", dir.corpus().toString(), "ADVISOR_ADMIN_KEYS", "other-admin, " + KEY,
                "ADVISOR_MAX_DOCUMENT_BYTES", String.valueOf(MAX_DOCUMENT_BYTES))));
        docs = new DocumentClient(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
        dir.close();
    }

    static Stream<Arguments> badUploads() {
        String ok = DocumentClient.documentJson("fresh_id", "A title", TEXT);
        return Stream.of(
                Arguments.of("no key", null, "application/json", ok, 401, "unauthorized"),
                Arguments.of("wrong key", "not-a-key", "application/json", ok, 403, "forbidden"),
                Arguments.of("bad id: dots and slash", KEY, "application/json", DocumentClient.documentJson("../sources", "T", TEXT), 400, "invalid_request"),
                Arguments.of("bad id: space", KEY, "application/json", DocumentClient.documentJson("a b", "T", TEXT), 400, "invalid_request"),
                Arguments.of("bad id: 101 chars", KEY, "application/json", DocumentClient.documentJson("a".repeat(101), "T", TEXT), 400, "invalid_request"),
                Arguments.of("no id", KEY, "application/json", "{\"title\": \"T\", \"text\": \"Some text here.\"}", 400, "invalid_request"),
                Arguments.of("duplicate of a corpus id", KEY, "application/json", DocumentClient.documentJson("004_bc19e8e8c29351ec", "T", TEXT), 409, "conflict"),
                Arguments.of("oversize text", KEY, "application/json", DocumentClient.documentJson("big", "T", "word ".repeat(MAX_DOCUMENT_BYTES)), 413, "payload_too_large"),
                Arguments.of("malformed JSON", KEY, "application/json", "{\"id\": \"x\", \"text\": ", 400, "invalid_request"),
                Arguments.of("JSON array", KEY, "application/json", "[1, 2]", 400, "invalid_request"),
                Arguments.of("text not a string", KEY, "application/json", "{\"id\": \"x\", \"title\": \"T\", \"text\": 5}", 400, "invalid_request"),
                Arguments.of("unknown field", KEY, "application/json", "{\"id\": \"x\", \"title\": \"T\", \"text\": \"t.\", \"body\": \"t\"}", 400, "invalid_request"),
                Arguments.of("empty text", KEY, "application/json", DocumentClient.documentJson("empty_text", "T", "  \n "), 400, "invalid_request"),
                Arguments.of("no title", KEY, "application/json", "{\"id\": \"no_title\", \"text\": \"Some text.\"}", 400, "invalid_request"),
                Arguments.of("bad date", KEY, "application/json", "{\"id\": \"d\", \"title\": \"T\", \"date\": \"28/11/2026\", \"text\": \"Some text.\"}", 400, "invalid_request"),
                Arguments.of("bad url", KEY, "application/json", "{\"id\": \"u\", \"title\": \"T\", \"url\": \"javascript:alert(1)\", \"text\": \"Some text.\"}", 400, "invalid_request"),
                Arguments.of("bad format", KEY, "application/json", "{\"id\": \"f\", \"title\": \"T\", \"format\": \"pdf\", \"text\": \"Some text.\"}", 400, "invalid_request"),
                Arguments.of("not JSON", KEY, "text/plain", "hello", 415, "unsupported_media_type"));
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("badUploads")
    void should_refuse_a_bad_upload_with_a_json_error_and_leave_the_corpus_unchanged(String name, String key,
            String contentType, String body, int status, String code) throws IOException {
        String sourcesBefore = Files.readString(dir.corpus().resolve("sources.json"));
        long filesBefore = fileCount();

        Response r = docs.upload(key, contentType, body);

        assertAll(
                () -> assertEquals(status, r.status(), r::toString),
                () -> assertEquals(code, r.json().path("error").path("code").asText(), r::toString),
                () -> assertFalse(r.json().path("error").path("message").asText().isBlank(), r::toString),
                () -> assertFalse(r.body().contains("Exception"), r::toString),
                () -> assertEquals(sourcesBefore, Files.readString(dir.corpus().resolve("sources.json"))),
                () -> assertEquals(filesBefore, fileCount()),
                () -> assertEquals(1, server.get("/health").json().path("indexGeneration").asInt()));
    }

    @Test
    void should_refuse_deleting_without_a_key_or_what_is_not_there() {
        Response noKey = docs.delete(null, "004_bc19e8e8c29351ec");
        Response wrongKey = docs.delete("nope", "004_bc19e8e8c29351ec");
        Response unknown = docs.delete(KEY, "no_such_document");
        Response badId = docs.delete(KEY, "bad.id");
        Response passages = docs.passages("no_such_document");
        assertAll(
                () -> assertEquals(401, noKey.status(), noKey::toString),
                () -> assertEquals(403, wrongKey.status(), wrongKey::toString),
                () -> assertEquals(404, unknown.status(), unknown::toString),
                () -> assertEquals("not_found", unknown.json().path("error").path("code").asText(), unknown::toString),
                () -> assertEquals(400, badId.status(), badId::toString),
                () -> assertEquals(404, passages.status(), passages::toString),
                () -> assertTrue(Files.exists(dir.corpus().resolve("004_bc19e8e8c29351ec.txt"))));
    }

    @Test
    void should_take_a_multipart_upload_and_cite_it_in_keyword_mode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "multipart_quillpipe");
        fields.put("title", "Quillpipe notes");
        fields.put("publisher", "Tests");
        String helpBefore = server.chat("what is the capital of France?").json().path("answer").asText();
        Response upload = docs.uploadMultipart(KEY, fields, "quillpipe.md", TEXT);
        try {
            Response answer = server.chat("what does Quillpipe do for Fastify?");
            Response cut = docs.passages("multipart_quillpipe");
            String helpAfter = server.chat("what is the capital of France?").json().path("answer").asText();
            assertAll(
                    // the help in a refusal counts the articles loaded now
                    () -> assertTrue(helpBefore.contains("I answer from 5 articles"), helpBefore),
                    () -> assertTrue(helpAfter.contains("I answer from 6 articles"), helpAfter),
                    () -> assertEquals(201, upload.status(), upload::toString),
                    // the loader reads Markdown: the upload keeps its format
                    () -> assertEquals("multipart_quillpipe.md", upload.json().path("file").asText(), upload::toString),
                    () -> assertTrue(Files.readString(dir.corpus().resolve("sources.json")).contains("\"md\"")),
                    () -> assertEquals(200, cut.status(), cut::toString),
                    () -> assertTrue(cut.json().path("passages").size() >= 1, cut::toString),
                    () -> assertTrue(answer.body().contains("\"documentId\":\"multipart_quillpipe\""), answer::toString));
        } finally {
            assertEquals(200, docs.delete(KEY, "multipart_quillpipe").status());
        }
    }

    @Test
    void should_refuse_an_oversize_or_malformed_multipart_upload_with_a_4xx() {
        Map<String, String> fields = Map.of("id", "big_upload", "title", "Big");
        Response over = docs.uploadMultipart(KEY, fields, "big.txt", "word ".repeat(MAX_DOCUMENT_BYTES / 5 + 10));
        Response farOver = docs.uploadMultipart(KEY, fields, "big.txt", "word ".repeat(40_000));
        Response noFile = docs.uploadMultipart(KEY, fields, null, null);
        // no Content-Length: the multipart parser stops at its limit (the document limit + 64 KiB)
        Response chunkedOver = docs.uploadMultipart(KEY, fields, "big.txt", "word ".repeat(40_000), true);
        Response noBoundary = docs.upload(KEY, "multipart/form-data", "garbage");
        Response truncated = docs.upload(KEY, "multipart/form-data; boundary=xx",
                "--xx\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nabc\r\n--xx");
        assertAll(
                () -> assertEquals(413, over.status(), over::toString),
                () -> assertEquals("payload_too_large", over.json().path("error").path("code").asText(), over::toString),
                () -> assertEquals(413, farOver.status(), farOver::toString),
                () -> assertEquals("payload_too_large", farOver.json().path("error").path("code").asText(), farOver::toString),
                () -> assertEquals(400, noFile.status(), noFile::toString),
                () -> assertEquals(413, chunkedOver.status(), chunkedOver::toString),
                () -> assertEquals(400, noBoundary.status(), noBoundary::toString),
                () -> assertEquals("invalid_request", noBoundary.json().path("error").path("code").asText(), noBoundary::toString),
                () -> assertEquals(400, truncated.status(), truncated::toString),
                () -> assertFalse(Files.exists(dir.corpus().resolve("big_upload.txt"))));
    }

    @Test
    void should_say_ingestion_is_disabled_without_admin_keys() {
        try (TestServer plain = TestServer.start(TestServer.config(AppConfig.Retrieval.KEYWORD, dir.cache(),
                Map.of("ADVISOR_CORPUS_DIR", dir.corpus().toString())))) {
            DocumentClient client = new DocumentClient(plain);
            Response upload = client.upload(KEY, "application/json", DocumentClient.documentJson("x", "T", TEXT));
            Response delete = client.delete(KEY, "004_bc19e8e8c29351ec");
            Response passages = client.passages("004_bc19e8e8c29351ec");
            assertAll(
                    () -> assertEquals(403, upload.status(), upload::toString),
                    () -> assertEquals("ingestion_disabled", upload.json().path("error").path("code").asText()),
                    () -> assertEquals(403, delete.status(), delete::toString),
                    () -> assertEquals(200, passages.status(), passages::toString),
                    () -> assertTrue(passages.json().path("passages").size() > 5, passages::toString),
                    () -> assertFalse(plain.get("/health").json().path("ingestion").asBoolean(true)));
        }
    }

    private static long fileCount() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(dir.corpus())) {
            return files.count();
        }
    }
}
