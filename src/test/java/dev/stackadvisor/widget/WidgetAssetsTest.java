package dev.stackadvisor.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.ServerExtension;
import dev.stackadvisor.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /} and {@code GET /widget.js}: what a browser needs before it runs any of the widget. */
@Timeout(60)
@EndToEnd
class WidgetAssetsTest {

    /** The embed tag: the script, then its endpoint (any value, "." on the demo page). */
    static final Pattern EMBED_TAG = Pattern.compile("<script src=\"[^\"]*widget\\.js\" data-endpoint=\"[^\"]*\"></script>");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.own(() -> keywordConfig(Map.of()));
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The brief's configuration: the real corpus, BM25 only (no model, fast start), a free port; plus extras. */
    static AppConfig keywordConfig(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString(),
                "ADVISOR_RETRIEVAL", "keyword",
                "PORT", "0",
                "ADVISOR_WARMUP_SECONDS", "0"));
        env.putAll(extra);
        return AppConfig.fromEnv(env);
    }

    @Test
    void should_serve_the_widget_as_javascript_with_a_short_cache() throws Exception {
        HttpResponse<String> r = get("/widget.js");

        assertEquals(200, r.statusCode(), r::body);
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/javascript"), "Content-Type was " + type);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        String cache = r.headers().firstValue("Cache-Control").orElse("");
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(cache);
        assertTrue(maxAge.find() && Integer.parseInt(maxAge.group(1)) > 0 && Integer.parseInt(maxAge.group(1)) <= 3600,
                "Cache-Control should allow a short cache, was '" + cache + "'");
        assertTrue(r.body().contains("attachShadow") && r.body().contains("/api/chat/stream"), "not the widget script");
    }

    @Test
    void should_serve_an_html_page_that_embeds_the_widget_with_its_script_tag() throws Exception {
        HttpResponse<String> r = get("/");

        assertEquals(200, r.statusCode(), r::body);
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/html"), "Content-Type was " + type);
        assertTrue(r.body().startsWith("<!doctype html>"), "not an HTML document");
        assertTrue(EMBED_TAG.matcher(r.body()).find(), "no widget script tag in:\n" + r.body());
        assertTrue(r.body().contains("Stack Advisor"), "the page should say what Stack Advisor is");
    }

    @Test
    void should_keep_json_404s_for_unknown_paths_beside_the_page() throws Exception {
        HttpResponse<String> r = get("/widget.css");

        assertEquals(404, r.statusCode(), r::body);
        assertTrue(r.body().contains("\"not_found\""), r::body);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
