package dev.stackadvisor.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stackadvisor.testing.EndToEnd;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The replies the real server gives only in bad moments (still loading, a refused field, a failure or a cut in
 * the middle of a stream), scripted by a stub API, plus the widget's default endpoint and rendering rules.
 *
 * <p>The page comes from one origin and the script, with the API, from another, as on a customer's site: the
 * tag has no {@code data-endpoint}, so the widget must talk to where its script came from, across origins.
 */
@Timeout(120)
@EndToEnd
class WidgetFailureTest {

    private static final String QUESTION = "fastify vs nestjs?";

    private static HeadlessChromium browser;
    private static HttpServer site;
    private static HttpServer api;
    /** What the stub answers to the next {@code POST /api/chat/stream}. */
    private static final AtomicReference<StubReply> reply = new AtomicReference<>();
    /** The last request body the stub received. */
    private static final AtomicReference<String> lastRequest = new AtomicReference<>();

    @FunctionalInterface
    interface StubReply {
        void send(HttpExchange exchange) throws IOException;
    }

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.startIfInstalled();
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/widget.js", exchange -> {
            try (InputStream in = WidgetFailureTest.class.getClassLoader().getResourceAsStream("public/widget.js")) {
                respond(exchange, 200, "text/javascript; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        api.createContext("/api/chat/stream", exchange -> {
            // what ADVISOR_CORS_ORIGINS gives the real server: this page's origin may POST JSON here
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply.get().send(exchange);
        });
        api.start();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> respond(exchange, 200, "text/html; charset=utf-8",
                "<!doctype html><html lang=en><head><title>a customer's site</title><link rel=icon href='data:,'></head>"
                        + "<body><h1>Our docs</h1><script src=\"http://127.0.0.1:" + api.getAddress().getPort()
                        + "/widget.js\"></script></body></html>"));
        site.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.stop(0);
            api.stop(0);
        }
    }

    @BeforeEach
    void loadPage() {
        HeadlessChromium.assumeInstalled();
        // localhost and 127.0.0.1 are different origins: the page's origin is not the API's
        browser.driver.get("http://localhost:" + site.getAddress().getPort() + "/");
        browser.driver.executeScript("sessionStorage.clear()"); // each test starts a fresh conversation
        browser.driver.navigate().refresh();
    }

    @Test
    void should_say_the_advisor_is_starting_when_it_is_not_ready_and_keep_the_question() {
        reply.set(exchange -> respond(exchange, 503, "application/json",
                "{\"error\":{\"code\":\"not_ready\",\"message\":\"the indexes are still loading; retry in a few seconds\"}}"));

        SearchContext widget = ask(QUESTION);

        assertEquals("Stack Advisor is still starting up. Please try again in a few seconds.", browser.waitForAlert(widget));
        assertQuestionKeptAndTurnUndone(widget);
    }

    @Test
    void should_show_the_servers_message_for_a_refused_request() {
        reply.set(exchange -> respond(exchange, 400, "application/json",
                "{\"error\":{\"code\":\"invalid_request\",\"message\":\"message must be at most 4000 characters\"}}"));

        SearchContext widget = ask(QUESTION);

        assertEquals("Your question could not be sent: message must be at most 4000 characters.", browser.waitForAlert(widget));
        assertQuestionKeptAndTurnUndone(widget);
    }

    @Test
    void should_report_a_failure_in_the_middle_of_the_stream_and_keep_the_question() {
        reply.set(exchange -> stream(exchange, List.of(
                event("meta", "{\"sessionId\":\"s-1\",\"frameworks\":[],\"mode\":\"extractive\"}"),
                event("token", "{\"text\":\"Half an ans\"}"),
                event("error", "{\"error\":{\"code\":\"internal_error\",\"message\":\"the answer could not be completed\"}}"))));

        SearchContext widget = ask(QUESTION);

        assertEquals("Stack Advisor could not finish this answer: the answer could not be completed", browser.waitForAlert(widget));
        assertQuestionKeptAndTurnUndone(widget);
    }

    @Test
    void should_report_a_stream_that_ends_without_its_answer() {
        reply.set(exchange -> stream(exchange, List.of(event("token", "{\"text\":\"Half\"}"))));

        SearchContext widget = ask(QUESTION);

        assertEquals("The answer was cut off before it was complete. Please try again.", browser.waitForAlert(widget));
        assertQuestionKeptAndTurnUndone(widget);
    }

    @Test
    void should_send_to_the_scripts_origin_and_render_markers_by_the_done_answer() {
        // the streamed text differs from the final answer: the final one must win
        String citation = "{\"n\":%d,\"documentId\":\"d\",\"title\":\"T%d\",\"publisher\":null,\"section\":\"\","
                + "\"quote\":\"Quote %d.\",\"score\":0.03}";
        reply.set(exchange -> stream(exchange, List.of(
                event("meta", "{\"sessionId\":\"s-42\",\"frameworks\":[\"Fastify\"],\"mode\":\"extractive\"}"),
                event("citations", "{\"citations\":[" + citation.formatted(1, 1, 1) + "," + citation.formatted(2, 2, 2) + "]}"),
                event("token", "{\"text\":\"draft\"}"),
                event("done", "{\"sessionId\":\"s-42\",\"answer\":\"Both [1, 2]. Unknown [9] stays text.\",\"grounded\":false,"
                        + "\"mode\":\"extractive\",\"frameworks\":[\"Fastify\"],\"citations\":[" + citation.formatted(1, 1, 1) + ","
                        + citation.formatted(2, 2, 2) + "],\"timings\":{\"retrievalMs\":1,\"answerMs\":1}}"))));

        SearchContext widget = ask(QUESTION);

        new WebDriverWait(browser.driver, HeadlessChromium.WAIT)
                .until(d -> !widget.findElements(By.cssSelector(".msg.bot .source")).isEmpty());
        assertTrue(lastRequest.get().contains("\"message\":\"" + QUESTION + "\""), lastRequest.get());
        WebElement text = widget.findElement(By.cssSelector(".msg.bot .text"));
        assertEquals("Both 12. Unknown [9] stays text.", text.getText().replaceAll("\\s+", " "));
        assertEquals(2, widget.findElements(By.cssSelector(".msg.bot .chip")).size());
        assertTrue(widget.findElement(By.cssSelector(".msg.bot .note")).getText().startsWith("Not answered from the sources"));
        String key = "stack-advisor:session:http://127.0.0.1:" + api.getAddress().getPort();
        assertEquals("s-42", browser.driver.executeScript("return sessionStorage.getItem(arguments[0])", key));

        // the next question carries the session
        reply.set(exchange -> respond(exchange, 503, "application/json", "{}"));
        widget.findElement(By.cssSelector("textarea#question")).sendKeys("and then?", Keys.ENTER);
        browser.waitForAlert(widget);
        assertTrue(lastRequest.get().contains("\"sessionId\":\"s-42\""), lastRequest.get());
    }

    // ---- helpers ----

    private SearchContext ask(String question) {
        SearchContext widget = browser.widget();
        widget.findElement(By.cssSelector("textarea#question")).sendKeys(question, Keys.ENTER);
        return widget;
    }

    private static void assertQuestionKeptAndTurnUndone(SearchContext widget) {
        assertEquals(QUESTION, widget.findElement(By.cssSelector("textarea#question")).getAttribute("value"));
        assertTrue(widget.findElements(By.cssSelector(".msg")).isEmpty(), "the failed turn should be removed");
        assertEquals("false", widget.findElement(By.cssSelector(".log")).getAttribute("aria-busy"));
    }

    private static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json + "\n\n";
    }

    private static void stream(HttpExchange exchange, List<String> events) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream;charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String e : events) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
