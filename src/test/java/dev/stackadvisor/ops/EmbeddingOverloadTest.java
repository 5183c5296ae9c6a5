package dev.stackadvisor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The query-embedding batcher seen from HTTP: concurrent new questions share MiniLM inferences (the batch-size
 * histogram in {@code /metrics}), and past a full queue a request gets 503 {@code overloaded} with
 * {@code Retry-After} at once instead of waiting.
 */
@Timeout(300)
@EndToEnd
class EmbeddingOverloadTest {

    private static final String[] USES = {"an ecommerce site", "an AI agent backend", "a real-time chat app",
            "a fintech startup MVP", "high-throughput microservices", "a content-heavy marketplace", "an internal tool",
            "a large enterprise system"};
    private static final String[] TEAMS = {"with five Python developers", "for a solo developer", "with 40 engineers",
            "with junior developers", "for a two-person startup"};

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void start(Map<String, String> extra) {
        server = TestServer.start(TestServer.config(AppConfig.Retrieval.HYBRID, TestServer.SHARED_CACHE_DIR, extra));
    }

    /** {@code n} ≤ 40 different questions (each server is new: neither its answer nor its query-embedding cache hits). */
    private static List<String> newQuestions(int n, String pair) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("should we pick " + pair + " for " + USES[i % USES.length] + " " + TEAMS[i / USES.length] + "?");
        }
        return out;
    }

    /** All questions at once, from as many threads. */
    private List<TestServer.Response> askAtOnce(List<String> questions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(questions.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestServer.Response>> futures = new ArrayList<>();
            for (String q : questions) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return server.chat(q);
                }));
            }
            go.countDown();
            List<TestServer.Response> out = new ArrayList<>();
            for (Future<TestServer.Response> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double metric(String scrape, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertTrue(m.find(), name + " missing from /metrics");
        return Double.parseDouble(m.group(2));
    }

    @Test
    void should_share_inferences_between_concurrent_new_questions() throws Exception {
        start(Map.of());
        // start-up embeds too (the example phrasings of analysis/prototypes.tsv): count from here
        String before = server.get("/metrics").body();
        List<TestServer.Response> responses = askAtOnce(newQuestions(24, "FastAPI or NestJS"));
        for (TestServer.Response r : responses) {
            assertEquals(200, r.status(), r.toString());
            assertTrue(r.json().path("grounded").asBoolean(), r.toString());
        }
        String scrape = server.get("/metrics").body();
        // the sanity of the count: one embedded question per request (no cache could hit)
        assertEquals(24.0, metric(scrape, "advisor_embedding_batch_size_sum") - metric(before, "advisor_embedding_batch_size_sum"),
                scrape);
        assertTrue(metric(scrape, "advisor_embedding_batch_size_max") > 1, "24 questions at once: some share an inference");
        assertTrue(metric(scrape, "advisor_embedding_batch_size_count") - metric(before, "advisor_embedding_batch_size_count") < 24,
                "fewer inferences than questions");
        assertTrue(scrape.contains("advisor_embedding_batch_size_bucket{le=\"16.0\"}"), "the batch-size histogram");
        assertEquals(24.0, metric(scrape, "advisor_embedding_queue_wait_seconds_count")
                - metric(before, "advisor_embedding_queue_wait_seconds_count"));
        assertEquals(0.0, metric(scrape, "advisor_embedding_rejected_total"));
    }

    @Test
    void should_answer_503_overloaded_with_retry_after_past_a_full_queue() throws Exception {
        // one waiting question at most, one at a time, and (on 2 cores) one worker
        start(Map.of("ADVISOR_EMBEDDING_QUEUE", "1", "ADVISOR_EMBEDDING_BATCH", "1", "ADVISOR_EMBEDDING_THREADS", "2"));
        List<TestServer.Response> responses = askAtOnce(newQuestions(40, "Django or Laravel"));
        int overloaded = 0;
        int answered = 0;
        for (TestServer.Response r : responses) {
            if (r.status() == 503) {
                assertEquals("overloaded", r.json().path("error").path("code").asText(), r.toString());
                assertTrue(r.json().path("error").path("message").asText().contains("retry"), r.toString());
                assertEquals("1", r.headers().get("Retry-After"), "Retry-After on " + r);
                overloaded++;
            } else {
                assertEquals(200, r.status(), r.toString());
                answered++;
            }
        }
        assertTrue(overloaded > 0, "40 new questions at once against a queue of one: some must be refused");
        assertTrue(answered > 0, "the questions that got in are answered");
        String scrape = server.get("/metrics").body();
        assertEquals(overloaded, (int) metric(scrape, "advisor_embedding_rejected_total"));
        // the refused ones are not an error of ours: nothing at 500
        assertTrue(!scrape.contains("status=\"500\""), "no 500 recorded");
    }
}
