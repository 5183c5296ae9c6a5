package dev.stackadvisor.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.AnswerAssertions;
import dev.stackadvisor.testing.DocumentClient;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TempCorpus;
import dev.stackadvisor.testing.TestServer;
import dev.stackadvisor.testing.TestServer.Response;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runtime ingestion through the real server in hybrid mode (real MiniLM) over a copy of the real corpus: an
 * uploaded article is cited at once, survives a restart, and is no longer cited once deleted; questions asked
 * while the indexes are rebuilt are all answered.
 */
@Timeout(300)
@EndToEnd
class RuntimeIngestionTest {

    static final String ADMIN_KEY = "admin-key-for-tests";
    static final String ID = "ingest_quillpipe";
    /** An invented but plausible fact about a framework the corpus covers: no real article says it. */
    static final String ARTICLE = """
            Request coalescing for Fastify APIs

            Quillpipe for Fastify
            Quillpipe is a Fastify plugin that coalesces identical concurrent GET requests into one handler call.
            In our load test a burst of 500 identical requests reached the database only once with Quillpipe enabled.
            Quillpipe suits read-heavy Fastify APIs such as product catalogues and public dashboards.
            Do not enable Quillpipe on routes whose responses depend on the caller's session.
            """;
    static final String QUESTION = "what does Quillpipe do for Fastify?";

    private TempCorpus dir;
    private AppConfig config;

    @BeforeEach
    void copyCorpus() {
        dir = TempCorpus.create();
        config = TestServer.config(AppConfig.Retrieval.HYBRID, dir.cache(), Map.of(
                "ADVISOR_CORPUS_DIR", dir.corpus().toString(), "ADVISOR_ADMIN_KEYS", ADMIN_KEY));
    }

    @AfterEach
    void deleteCopy() {
        dir.close();
    }

    @Test
    void should_cite_an_upload_at_once_keep_it_over_a_restart_and_forget_it_once_deleted() throws Exception {
        try (TestServer server = TestServer.start(config)) {
            DocumentClient docs = new DocumentClient(server);
            // given a corpus that never heard of it
            assertFalse(citesUpload(server.chat(QUESTION)), "cited before the upload");

            // when the article is uploaded
            Response upload = docs.upload(ADMIN_KEY, "application/json", DocumentClient.documentJson(ID,
                    "Request coalescing for Fastify APIs", ARTICLE));

            // then it is indexed alone, cut into passages, and the next answer cites it with a verbatim quote
            assertEquals(201, upload.status(), upload::toString);
            int passages = upload.json().path("passages").asInt();
            JsonNode health = server.get("/health").json();
            Response cut = docs.passages(ID);
            Response answer = server.chat(QUESTION);
            assertAll(
                    () -> assertTrue(passages >= 1, upload::toString),
                    () -> assertEquals(ID + ".txt", upload.json().path("file").asText(), upload::toString),
                    () -> assertTrue(upload.json().path("frameworks").toString().contains("Fastify"), upload::toString),
                    () -> assertEquals(2, health.path("indexGeneration").asInt(), health::toString),
                    () -> assertEquals(6, health.path("documents").asInt(), health::toString),
                    () -> assertEquals(passages, health.path("embeddedPassages").asInt(),
                            () -> "only the upload's passages are embedded: " + health),
                    () -> assertEquals(200, cut.status(), cut::toString),
                    () -> assertEquals(passages, cut.json().path("passages").size(), cut::toString),
                    () -> assertTrue(cut.json().path("passages").get(0).path("text").asText().contains("Quillpipe"), cut::toString),
                    () -> assertTrue(Files.isRegularFile(dir.corpus().resolve(ID + ".txt"))),
                    () -> assertTrue(Files.getPosixFilePermissions(dir.corpus().resolve(ID + ".txt"))
                            .contains(PosixFilePermission.OTHERS_READ), "readable like the files copied in"),
                    () -> assertEquals(Files.getPosixFilePermissions(TestServer.corpusDir().resolve("sources.json")),
                            Files.getPosixFilePermissions(dir.corpus().resolve("sources.json")), "sources.json keeps its permissions"),
                    () -> assertTrue(citesUpload(answer), answer::toString),
                    () -> assertUploadQuotesVerbatim(answer.json()));
        }

        // when the server restarts on the same directory
        try (TestServer restarted = TestServer.start(config)) {
            JsonNode health = restarted.get("/health").json();
            Response answer = restarted.chat(QUESTION);
            // then the upload is still there, its embeddings come from the cache, and it is cited
            assertAll(
                    () -> assertEquals(6, health.path("documents").asInt(), health::toString),
                    () -> assertEquals("hit", health.path("embeddingCache").asText(), health::toString),
                    () -> assertEquals(0, health.path("embeddedPassages").asInt(), health::toString),
                    () -> assertTrue(restarted.get("/api/sources").body().contains(ID)),
                    () -> assertTrue(citesUpload(answer), answer::toString));

            // when it is deleted
            Response deleted = new DocumentClient(restarted).delete(ADMIN_KEY, ID);
            Response after = restarted.chat(QUESTION);
            Response cut = new DocumentClient(restarted).passages(ID);
            // then its file and entry are gone and no answer cites it
            assertAll(
                    () -> assertEquals(200, deleted.status(), deleted::toString),
                    () -> assertEquals(5, deleted.json().path("documents").asInt(), deleted::toString),
                    () -> assertFalse(Files.exists(dir.corpus().resolve(ID + ".txt"))),
                    () -> assertFalse(Files.readString(dir.corpus().resolve("sources.json")).contains(ID)),
                    () -> assertEquals(200, after.status(), after::toString),
                    () -> assertFalse(citesUpload(after), after::toString),
                    () -> assertEquals(404, cut.status(), cut::toString),
                    () -> assertFalse(restarted.get("/api/sources").body().contains(ID)));
        }
    }

    @Test
    void should_answer_every_question_asked_while_the_indexes_are_rebuilt() throws Exception {
        List<String> questions = List.of("should we use FastAPI or NestJS for agents?", "whats laravel best at",
                "Go or Rust for high-throughput services?", "fastify vs nestjs for a new API?",
                "django strengths and weaknesses", "which framework for real-time chat?", "spring boot watch-outs",
                QUESTION);
        try (TestServer server = TestServer.start(config)) {
            DocumentClient docs = new DocumentClient(server);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<long[]> spans = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(8);
            ExecutorService askers = Executors.newFixedThreadPool(8);
            List<Future<Integer>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String question = questions.get(i);
                asked.add(askers.submit(() -> {
                    int n = 0;
                    started.countDown();
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        // a new wording each time: no answer comes from the first-turn cache
                        Response r = server.chat(question + " (" + n + ")");
                        spans.add(new long[] {t0, System.nanoTime()});
                        if (r.status() != 200) {
                            failures.add(r.toString());
                        }
                        n++;
                    }
                    return n;
                }));
            }
            // when a document is uploaded and then deleted while 8 clients keep asking
            started.await(30, TimeUnit.SECONDS);
            Thread.sleep(200);
            long t0 = System.nanoTime();
            Response upload = docs.upload(ADMIN_KEY, "application/json",
                    DocumentClient.documentJson(ID, "Request coalescing for Fastify APIs", ARTICLE));
            Response delete = docs.delete(ADMIN_KEY, ID);
            long t1 = System.nanoTime();
            Thread.sleep(200);
            stop.set(true);
            int total = 0;
            for (Future<Integer> f : asked) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            askers.shutdown();
            long overlapping = spans.stream().filter(s -> s[0] < t1 && s[1] > t0).count();
            int answered = total;
            // then both re-indexes happened, every question got a 200, and questions were in flight throughout
            assertAll(
                    () -> assertEquals(201, upload.status(), upload::toString),
                    () -> assertEquals(200, delete.status(), delete::toString),
                    () -> assertTrue(failures.isEmpty(), () -> failures.size() + " of " + answered + " failed: " + failures.peek()),
                    () -> assertTrue(overlapping >= 8, () -> overlapping + " requests overlapped the re-indexes"),
                    () -> assertEquals(3, server.get("/health").json().path("indexGeneration").asInt()));
            String metrics = server.get("/metrics").body();
            assertTrue(metrics.matches("(?s).*\\nadvisor_reindex_seconds_count\\{outcome=\"success\"} 2(\\.0)?\\n.*"),
                    () -> "two re-indexes counted: " + metrics.lines().filter(l -> l.contains("reindex")).toList());
        }
    }

    /** True when one of the answer's citations is the uploaded article. */
    static boolean citesUpload(Response r) {
        assertEquals(200, r.status(), r::toString);
        for (JsonNode c : r.json().path("citations")) {
            if (ID.equals(c.path("documentId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void assertUploadQuotesVerbatim(JsonNode answer) {
        for (JsonNode c : answer.path("citations")) {
            if (ID.equals(c.path("documentId").asText())) {
                String quote = c.path("quote").asText();
                assertTrue(TestServer.normalizeWhitespace(ARTICLE).contains(quote), () -> "not verbatim: " + quote);
            }
        }
        AnswerAssertions.markers(answer.path("answer").asText()).forEach(n -> assertTrue(n >= 1));
    }
}
