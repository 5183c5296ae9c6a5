package dev.stackadvisor.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget in a real browser (headless Debian Chromium) against the real server: ask with the keyboard,
 * watch the answer stream in, open a source chip, reload and keep the conversation, and fail kindly.
 *
 * <p>Runs in {@link HeadlessChromium}: skipped, not failed, where Chromium and chromedriver are not installed.
 */
@Timeout(120)
@EndToEnd
class WidgetBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "widget.png").toAbsolutePath();
    /** A comparison drawn side by side, for a person to look at. */
    static final Path COMPARISON_SCREENSHOT = Path.of("target", "widget-comparison.png").toAbsolutePath();
    static final Duration ANSWER_WAIT = HeadlessChromium.WAIT;

    private static HeadlessChromium browser;
    private static ChromeDriver driver;
    private TestServer server;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.startIfInstalled();
        driver = browser == null ? null : browser.driver;
    }

    @BeforeEach
    void requireBrowser() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void should_stream_a_cited_answer_open_its_sources_and_keep_the_session_across_reloads() throws IOException {
        // given the demo page of a running server
        server = TestServer.start(WidgetAssetsTest.keywordConfig(Map.of()));
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests (failing on purpose) logged
        driver.get(server.baseUrl() + "/");
        SearchContext widget = widget();
        recordStreamedText();

        // when a question is typed and sent with Enter
        WebElement question = widget.findElement(By.cssSelector("textarea#question"));
        assertEquals("Your question", widget.findElement(By.cssSelector("label[for='question']")).getText());
        question.sendKeys("fastify vs nestjs?", Keys.ENTER);

        // then tokens show while streaming, and the final answer carries citation chips
        waitForAnswers(1);
        List<WebElement> chips = widget.findElements(By.cssSelector(".msg.bot .chip"));
        assertFalse(chips.isEmpty(), "no citation chips in: " + lastAnswerText());
        assertTrue(lastAnswerText().contains("Fastify") || lastAnswerText().contains("NestJS"), lastAnswerText());
        Number streamedSnapshots = (Number) js().executeScript("return window.__streamed.length");
        assertTrue(streamedSnapshots.intValue() > 0, "no text was shown before the final answer replaced it");
        assertEquals("", question.getAttribute("value"), "the sent question should leave the box");
        // a comparison is drawn side by side: a column per framework, its claims with their chips in the cells
        List<WebElement> columns = widget.findElements(By.cssSelector(".msg.bot table.compare thead th"));
        assertEquals(List.of("Fastify", "NestJS"), columns.stream().map(th -> th.getText().lines().findFirst().orElse(""))
                .sorted().toList(), "comparison table columns");
        assertFalse(widget.findElements(By.cssSelector(".msg.bot table.compare td .chip")).isEmpty(),
                "no citation chips in the comparison table");
        js().executeScript("arguments[0].scrollIntoView({block: 'start'})",
                widget.findElement(By.cssSelector(".msg.bot .text")));
        Files.createDirectories(COMPARISON_SCREENSHOT.getParent());
        Files.write(COMPARISON_SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
        assertEquals("false", widget.findElement(By.cssSelector(".log")).getAttribute("aria-busy"));

        // when a chip is clicked, its quote and source appear, and the chip says it is expanded
        WebElement first = chips.get(0);
        assertEquals("false", first.getAttribute("aria-expanded"));
        first.click();
        assertEquals("true", first.getAttribute("aria-expanded"));
        WebElement panel = widget.findElement(By.cssSelector("#" + first.getAttribute("aria-controls")));
        assertTrue(panel.isDisplayed(), "source panel hidden after click");
        String quote = panel.findElement(By.cssSelector("blockquote")).getText().replaceAll("^“|”$", "");
        assertTrue(quote.length() > 10 && isVerbatimInCorpus(quote), "quote not from the corpus: " + quote);
        assertTrue(panel.findElement(By.cssSelector(".cite")).getText().startsWith("[" + first.getText() + "] "),
                panel.getText());
        js().executeScript("document.querySelector('stack-advisor-widget').scrollIntoView({block: 'start'})");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));

        // and keyboard focus alone reveals another chip's source; Escape closes it
        if (chips.size() > 1) {
            WebElement second = chips.get(1);
            js().executeScript("arguments[0].focus()", second);
            assertEquals("true", second.getAttribute("aria-expanded"));
            assertEquals("false", first.getAttribute("aria-expanded"));
            second.sendKeys(Keys.ESCAPE);
            assertEquals("false", second.getAttribute("aria-expanded"));
        }

        // the session is kept in sessionStorage, per endpoint
        String key = "stack-advisor:session:" + server.baseUrl();
        String sessionId = (String) js().executeScript("return sessionStorage.getItem(arguments[0])", key);
        assertNotNull(sessionId, "no session id under " + key);
        assertTrue(sessionId.matches("[A-Za-z0-9_-]{1,128}"), sessionId);

        // when the tab reloads, the conversation is redrawn and the same session continues
        driver.navigate().refresh();
        widget = widget();
        assertEquals(sessionId, js().executeScript("return sessionStorage.getItem(arguments[0])", key));
        assertEquals(1, widget.findElements(By.cssSelector(".msg.user")).size(), "conversation not redrawn");
        assertFalse(widget.findElements(By.cssSelector(".msg.bot .chip")).isEmpty(), "chips not redrawn");
        widget.findElement(By.cssSelector("textarea#question")).sendKeys("and what are their weaknesses?", Keys.ENTER);
        waitForAnswers(2);
        // had the widget not sent the stored id, the server would have started (and returned) a new session
        assertEquals(sessionId, js().executeScript("return sessionStorage.getItem(arguments[0])", key));

        // and nothing went wrong in the page: no script errors, no failed requests
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString).toList();
        assertEquals(List.of(), problems, "browser console");
    }

    @Test
    void should_send_a_rating_with_the_keyboard_and_a_comment_on_thumbs_down() throws IOException {
        // given the page of a server with its own feedback database, and two answers
        Path data = Files.createTempDirectory("widget-feedback");
        String admin = "widget-admin-key";
        server = TestServer.start(WidgetAssetsTest.keywordConfig(Map.of("ADVISOR_DATA_DIR", data.toString(),
                "ADVISOR_ADMIN_KEYS", admin)));
        driver.get(server.baseUrl() + "/");
        js().executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        SearchContext widget = widget();
        widget.findElement(By.cssSelector("textarea#question")).sendKeys("is flask good for small services?", Keys.ENTER);
        waitForAnswers(1);
        widget.findElement(By.cssSelector("textarea#question")).sendKeys("fastify vs nestjs?", Keys.ENTER);
        waitForAnswers(2);

        // the buttons are real buttons with names, grouped under each answer
        List<WebElement> groups = widget.findElements(By.cssSelector(".msg.bot .feedback[role='group']"));
        assertEquals(2, groups.size(), "one rating group per answer");
        WebElement up = groups.get(0).findElement(By.cssSelector("button.rate.up"));
        WebElement down = groups.get(1).findElement(By.cssSelector("button.rate.down"));
        assertEquals("Helpful", up.getAttribute("aria-label"));
        assertEquals("Not helpful", down.getAttribute("aria-label"));

        // when the first answer gets 👍 from the keyboard (focus, Enter)
        js().executeScript("arguments[0].focus()", up);
        up.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, ANSWER_WAIT).until(d -> "true".equals(up.getAttribute("aria-pressed")));
        assertEquals("Thanks for your feedback.", groups.get(0).findElement(By.cssSelector(".thanks")).getText());

        // and the second gets 👎 with a comment, sent from the box 👎 opens
        js().executeScript("arguments[0].focus()", down);
        down.sendKeys(Keys.SPACE);
        WebElement comment = groups.get(1).findElement(By.cssSelector("textarea"));
        assertTrue(comment.isDisplayed(), "👎 opens the comment box");
        assertEquals("true", down.getAttribute("aria-expanded"));
        assertEquals(Boolean.TRUE, js().executeScript(
                "return document.querySelector('stack-advisor-widget').shadowRoot.activeElement === arguments[0]", comment),
                "the comment box has the focus");
        comment.sendKeys("no word on the learning curve");
        groups.get(1).findElement(By.cssSelector("button.send")).click();
        new WebDriverWait(driver, ANSWER_WAIT).until(d -> "true".equals(down.getAttribute("aria-pressed")));

        // then both ratings reached the server, the comment with the 👎
        TestServer.Response list = TestServer.sendWithNewClient(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/api/feedback")).header("Authorization", "Bearer " + admin).GET());
        assertEquals(200, list.status(), list.toString());
        Map<String, String> byQuestion = new java.util.HashMap<>();
        list.json().path("feedback").forEach(n -> byQuestion.put(n.path("turns").get(n.path("turns").size() - 1).asText(),
                n.path("rating").asText() + ":" + n.path("comment").asText("")));
        assertEquals(Map.of("is flask good for small services?", "up:", "fastify vs nestjs?", "down:no word on the learning curve"),
                byQuestion);
    }

    @Test
    void should_show_html_in_a_question_and_in_an_answer_as_text() {
        // given the page, and a saved conversation whose answer holds markup (as a quote of an article could)
        server = TestServer.start(WidgetAssetsTest.keywordConfig(Map.of()));
        driver.get(server.baseUrl() + "/");
        String payload = "<img src=x onerror=\"window.__pwned=1\">";
        js().executeScript("""
                sessionStorage.setItem('stack-advisor:log:' + arguments[0], JSON.stringify([{question: arguments[1],
                  answer: '**<b>Bold</b>** says ' + arguments[1] + ' [1].\\n\\n- item ' + arguments[1] + ' [1].',
                  grounded: true, citations: [{n: 1, documentId: 'x', title: arguments[1], quote: arguments[1], section: ''}]}]));
                """, server.baseUrl(), payload);
        driver.navigate().refresh();
        SearchContext widget = widget();

        // when a question with the same markup is asked too
        widget.findElement(By.cssSelector("textarea#question")).sendKeys("is " + payload + " a framework?", Keys.ENTER);
        waitForAnswers(2);

        // then the markup shows as text everywhere and nothing of it runs
        assertTrue(widget.findElements(By.cssSelector(".log img, .log b")).isEmpty(), "markup became elements");
        assertEquals(null, js().executeScript("return window.__pwned"));
        List<WebElement> users = widget.findElements(By.cssSelector(".msg.user .text"));
        assertEquals("is " + payload + " a framework?", users.get(1).getText());
        WebElement saved = widget.findElements(By.cssSelector(".msg.bot .text")).get(0);
        assertEquals("<b>Bold</b>", saved.findElement(By.cssSelector("strong")).getText());
        assertTrue(saved.findElement(By.cssSelector("li")).getText().contains(payload), saved.getText());
        assertFalse(saved.findElements(By.cssSelector(".chip")).isEmpty(), "markers should still become chips");
    }

    @Test
    void should_keep_the_typed_question_and_explain_when_the_server_cannot_be_reached() {
        // given a loaded page whose server then goes away
        server = TestServer.start(WidgetAssetsTest.keywordConfig(Map.of()));
        driver.get(server.baseUrl() + "/");
        SearchContext widget = widget();
        server.stop();
        server = null;

        // when a question is sent
        widget.findElement(By.cssSelector("textarea#question")).sendKeys("fastify vs nestjs?", Keys.ENTER);

        // then a polite alert says so, the question is back in the box with focus, and no half turn remains
        String alert = waitForAlert(widget);
        assertTrue(alert.startsWith("Cannot reach Stack Advisor"), alert);
        WebElement box = widget.findElement(By.cssSelector("textarea#question"));
        assertEquals("fastify vs nestjs?", box.getAttribute("value"));
        assertTrue((Boolean) js().executeScript(
                "return document.querySelector('stack-advisor-widget').shadowRoot.activeElement === arguments[0]", box),
                "focus should return to the question box");
        assertTrue(widget.findElements(By.cssSelector(".msg")).isEmpty(), "the failed turn should be removed");
    }

    @Test
    void should_say_when_to_retry_when_rate_limited_and_keep_the_question() {
        // given a server that takes one question a minute per client
        server = TestServer.start(WidgetAssetsTest.keywordConfig(Map.of("ADVISOR_RATE_LIMIT_PER_MINUTE", "1")));
        driver.get(server.baseUrl() + "/");
        SearchContext widget = widget();
        WebElement box = widget.findElement(By.cssSelector("textarea#question"));
        box.sendKeys("fastify vs nestjs?", Keys.ENTER);
        waitForAnswers(1);

        // when a second question is sent at once
        box.sendKeys("what about django?", Keys.ENTER);

        // then the widget says when to try again, and keeps the question
        String alert = waitForAlert(widget);
        assertTrue(alert.matches("(?s).*try again in \\d+ seconds?\\..*"), alert);
        assertEquals("what about django?", box.getAttribute("value"));

        // and sending again before then is answered locally, without a request
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, ANSWER_WAIT).until(d -> alertText(widget).startsWith("Please wait"));
    }

    // ---- helpers ----

    private JavascriptExecutor js() {
        return driver;
    }

    private SearchContext widget() {
        return browser.widget();
    }

    /**
     * Records the bot bubble's text whenever it changes while it has no chips yet: that is streamed token text,
     * before the final answer (with chips) replaces it.
     */
    private void recordStreamedText() {
        js().executeScript("""
                const root = document.querySelector('stack-advisor-widget').shadowRoot;
                window.__streamed = [];
                new MutationObserver(() => {
                  const bots = root.querySelectorAll('.msg.bot .text');
                  const t = bots[bots.length - 1];
                  if (t && t.textContent && !t.querySelector('.chip')) window.__streamed.push(t.textContent);
                }).observe(root.querySelector('.log'), {subtree: true, childList: true, characterData: true});
                """);
    }

    /** Waits until {@code n} answers are complete (each gets its source panel when the done event arrives). */
    private void waitForAnswers(int n) {
        new WebDriverWait(driver, ANSWER_WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            SearchContext w = widget();
            if (!alertText(w).isEmpty()) {
                throw new AssertionError("the widget reported an error: " + alertText(w));
            }
            return w.findElements(By.cssSelector(".msg.bot .source")).size() >= n;
        });
    }

    private String waitForAlert(SearchContext widget) {
        return browser.waitForAlert(widget);
    }

    private static String alertText(SearchContext widget) {
        return HeadlessChromium.alertText(widget);
    }

    private String lastAnswerText() {
        return (String) js().executeScript("""
                const bots = document.querySelector('stack-advisor-widget').shadowRoot.querySelectorAll('.msg.bot .text');
                return bots.length ? bots[bots.length - 1].textContent : '';
                """);
    }

    /** Whether {@code quote} is text of some corpus article, white space folded as citations fold it. */
    private static boolean isVerbatimInCorpus(String quote) {
        String wanted = TestServer.normalizeWhitespace(quote);
        try (Stream<Path> files = Files.list(TestServer.corpusDir())) {
            return files.filter(f -> f.toString().endsWith(".txt")).anyMatch(f -> {
                try {
                    return TestServer.normalizeWhitespace(Files.readString(f)).contains(wanted);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
