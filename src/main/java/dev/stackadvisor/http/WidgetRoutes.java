package dev.stackadvisor.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The chat widget channel: {@code GET /} (a demo page that embeds the widget) and {@code GET /widget.js} (the
 * widget itself, one script tag on any site). Both are read once from the classpath ({@code public/}) when the
 * server is built, so a missing file fails start-up instead of the first visitor.
 */
final class WidgetRoutes {

    /**
     * Short on purpose: sites embed {@code /widget.js} directly (no versioned URL), so a fix must reach them
     * within minutes; five minutes still spares the server a request per page view.
     */
    static final String SCRIPT_CACHE_CONTROL = "public, max-age=300";

    private final byte[] page;
    private final byte[] script;

    private WidgetRoutes(byte[] page, byte[] script) {
        this.page = page;
        this.script = script;
    }

    static void register(JavalinConfig c, RouteContext rc) {
        WidgetRoutes h = new WidgetRoutes(resource("public/index.html"), resource("public/widget.js"));
        c.routes.get("/", h::page);
        c.routes.get("/widget.js", h::script);
    }

    void page(Context ctx) {
        ctx.header("Cache-Control", "no-cache"); // the page is tiny; always revalidate so it matches the script
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    void script(Context ctx) {
        ctx.header("Cache-Control", SCRIPT_CACHE_CONTROL);
        ctx.header("X-Content-Type-Options", "nosniff"); // browsers then refuse to run it under a wrong type
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WidgetRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name + " (src/main/resources/" + name + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + name, e);
        }
    }
}
