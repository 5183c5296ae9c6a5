package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown, HTML and plain text read into one document model; metadata from sources.json, the file, or its heading. */
class DocumentFormatsTest {

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final CorpusLoader loader = new CorpusLoader(lexicon, new Segmenter(lexicon));

    private static final String MARKDOWN = """
            ---
            title: Choosing Hono
            publisher: Edge Notes
            author: A. Writer
            date: 2026-02-03T10:00:00Z
            url: https://example.org/hono
            ---
            # Choosing Hono

            Hono is a small web framework for edge runtimes.
            It was built for Cloudflare Workers first.

            ## Strengths

            - It starts in a few milliseconds.
            - Its router is *very* fast.

            ```ts
            app.get('/', (c) => c.text('Hono secret code line'))
            ```

                indented code is not prose either

            | Framework | Best for | Runtime |
            |---|:---:|---|
            | Hono | Edge APIs | Workers, Deno, Bun |
            | Express | Classic Node servers | Node.js |
            """;

    private static final String HTML = """
            <!doctype html><html><head><title>Hono at the edge</title>
            <meta property="og:site_name" content="Edge Weekly"><meta name="author" content="B. Author">
            <meta property="article:published_time" content="2026-04-05T08:00:00Z">
            <link rel="canonical" href="https://example.org/edge"><script>var tracking = "never quoted";</script>
            <style>.x{color:red}</style></head>
            <body><nav><a href="/">Home</a> <a href="/blog">Blog navigation link</a></nav>
            <main><h1>Hono at the edge</h1><p>Hono is a small web framework for edge runtimes.</p>
            <h2>Watch-outs</h2><ul><li>Its ecosystem is smaller than Express.</li><li>Fewer tutorials exist.</li></ul>
            <pre><code>const secret = "code block"</code></pre>
            <table><thead><tr><th>Framework</th><th>Best for</th></tr></thead>
            <tbody><tr><td>Hono</td><td>Edge APIs</td></tr><tr><td>Fastify</td><td>Fast Node services</td></tr></tbody></table>
            <aside>Sponsored aside text</aside></main>
            <footer>Copyright footer text</footer></body></html>
            """;

    @Test
    void should_read_markdown_headings_lists_and_tables_but_never_code() throws IOException {
        Corpus corpus = loadOne("hono-notes.md", MARKDOWN);
        Document d = corpus.document("hono-notes").orElseThrow();
        assertFalse(d.text().contains("secret code"), d.text());
        assertFalse(d.text().contains("indented code"), d.text());
        assertFalse(d.text().contains("---"), "no front matter and no separator row in the text: " + d.text());
        List<Sentence> sentences = sentences(corpus);
        Sentence wrapped = find(sentences, "Hono is a small web framework");
        assertEquals("Hono is a small web framework for edge runtimes.", wrapped.quote());
        Sentence router = find(sentences, "router is very fast");
        assertEquals(List.of("Hono"), router.subjects(), "the section's framework");
        assertEquals(Aspect.STRENGTH, router.aspect(), "a bullet under 'Strengths'");
        Sentence cell = find(sentences, "Edge APIs");
        assertTrue(cell.tableCell());
        assertEquals(List.of("Hono"), cell.subjects());
        assertEquals(Aspect.FIT, cell.aspect(), "the 'Best for' column");
        assertTrue(sentences.stream().noneMatch(s -> s.quote().matches(":?-{3,}:?")), "a separator row is no data");
    }

    @Test
    void should_take_markdown_metadata_from_front_matter() throws IOException {
        Document d = loadOne("hono-notes.md", MARKDOWN).document("hono-notes").orElseThrow();
        assertEquals("Choosing Hono", d.title());
        assertEquals("Edge Notes", d.publisher());
        assertEquals("A. Writer", d.author());
        assertEquals("2026-02-03", d.date());
        assertEquals("https://example.org/hono", d.url());
    }

    @Test
    void should_read_html_main_text_and_drop_scripts_navigation_asides_and_footers() throws IOException {
        Corpus corpus = loadOne("edge.html", HTML);
        Document d = corpus.document("edge").orElseThrow();
        for (String dropped : List.of("tracking", "color:red", "navigation link", "code block", "Sponsored", "footer text")) {
            assertFalse(d.text().contains(dropped), dropped + " in " + d.text());
        }
        assertEquals("Hono at the edge", d.title());
        assertEquals("Edge Weekly", d.publisher());
        assertEquals("B. Author", d.author());
        assertEquals("2026-04-05", d.date());
        assertEquals("https://example.org/edge", d.url());
        List<Sentence> sentences = sentences(corpus);
        Sentence watchOut = find(sentences, "ecosystem is smaller");
        assertEquals(List.of("Hono"), watchOut.subjects(), "about the page's framework, Express only its comparand");
        assertEquals(Aspect.WEAKNESS, watchOut.aspect());
        assertEquals(List.of("Fastify"), find(sentences, "Fast Node services").subjects());
    }

    @Test
    void should_prefer_sources_json_over_front_matter_and_fall_back_to_the_first_heading(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), MARKDOWN);
        Files.writeString(dir.resolve("b.md"), "# Fastify in practice\n\nFastify is a fast Node.js framework.\n");
        Files.writeString(dir.resolve("sources.json"), "{\"documents\": [{\"id\": \"a\", \"title\": \"From sources.json\"}]}");
        Corpus corpus = loader.load(dir);
        Document a = corpus.document("a").orElseThrow();
        assertEquals("From sources.json", a.title());
        assertEquals("Edge Notes", a.publisher(), "fields sources.json leaves out come from the front matter");
        Document b = corpus.document("b").orElseThrow();
        assertEquals("Fastify in practice", b.title());
        assertNull(b.publisher());
        DocumentReport report = corpus.reports().stream().filter(r -> r.id().equals("b")).findFirst().orElseThrow();
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("first heading")), report.toString());
        assertEquals(List.of("Fastify", "Node.js"), report.frameworks());
    }

    @Test
    void should_skip_an_empty_file_with_a_warning_naming_it(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("empty.md"), "  \n\n");
        Files.writeString(dir.resolve("real.txt"), "Django notes\n\nDjango is a batteries-included Python framework.\n");
        Corpus corpus = loader.load(dir);
        assertTrue(corpus.document("empty").isEmpty());
        DocumentReport report = corpus.reports().stream().filter(r -> r.file().equals("empty.md")).findFirst().orElseThrow();
        assertEquals(0, report.passages());
        assertTrue(report.warnings().get(0).contains("empty"), report.toString());
    }

    @Test
    void should_skip_a_file_over_the_size_limit_with_a_warning_naming_it(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("huge.txt"), "Django is a Python framework. ".repeat(100));
        Files.writeString(dir.resolve("real.txt"), "Django notes\n\nDjango is a batteries-included Python framework.\n");
        Corpus corpus = new CorpusLoader(lexicon, new Segmenter(lexicon), 1_000).load(dir);
        assertEquals(List.of("real"), corpus.documents().stream().map(Document::id).toList());
        DocumentReport report = corpus.reports().stream().filter(r -> r.file().equals("huge.txt")).findFirst().orElseThrow();
        assertTrue(report.warnings().get(0).contains("ADVISOR_MAX_DOCUMENT_BYTES"), report.toString());
    }

    @Test
    @Slow // ~2 s of CPU on a quiet host
    void should_cut_a_two_megabyte_line_without_punctuation_into_quotes_of_at_most_400_chars(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("line.txt"), hugeLine());
        Corpus corpus = new CorpusLoader(lexicon, new Segmenter(lexicon), 4_000_000).load(dir);
        List<Sentence> sentences = sentences(corpus);
        assertTrue(sentences.size() > 2_000_000 / Segmenter.MAX_SENTENCE_CHARS, "pieces: " + sentences.size());
        sentences.forEach(s -> assertTrue(s.quote().length() <= Segmenter.MAX_SENTENCE_CHARS, s.quote().length() + " chars"));
    }

    @Test
    void should_join_a_sentence_the_capture_broke_over_lines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("wrapped.txt"), """
                FastAPI tooling

                FastAPI ships commands like fastapi dev
                and fastapi run
                to make local work and deployment easy. It is built on
                Starlette and Pydantic.
                """);
        Corpus corpus = loader.load(dir);
        Passage p = corpus.passages().get(0);
        assertEquals("FastAPI tooling", p.section(), "the broken lines are not headings");
        assertEquals("FastAPI ships commands like fastapi dev and fastapi run to make local work and deployment easy.",
                find(sentences(corpus), "FastAPI ships").quote());
        assertEquals("It is built on Starlette and Pydantic.", find(sentences(corpus), "It is built").quote());
    }

    @Test
    void should_drop_bylines_read_times_share_buttons_and_lines_repeated_across_documents(@TempDir Path dir)
            throws IOException {
        String furniture = """
                By Jane Doe
                Published on March 3, 2026
                7 min read
                Share this article
                @janedoe
                Subscribe to our newsletter for weekly backend tips
                Our studio builds dependable software for growing companies
                """;
        Files.writeString(dir.resolve("a.txt"), "Django notes\n\n" + furniture + "\nDjango is a batteries-included Python framework.\n");
        Files.writeString(dir.resolve("b.txt"), "Rails notes\n\n" + furniture + "\nRails is a batteries-included Ruby framework.\n");
        Corpus corpus = loader.load(dir);
        List<String> quotes = sentences(corpus).stream().map(Sentence::quote).toList();
        assertEquals(List.of("Django is a batteries-included Python framework.", "Rails is a batteries-included Ruby framework."),
                quotes);
    }

    @Test
    void should_warn_about_names_discussed_as_frameworks_that_the_lexicon_lacks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "# Servers\n\nNitro is a server framework for universal apps. "
                + "Teams compare frameworks such as tRPC and Hono.\n");
        Corpus corpus = loader.load(dir);
        assertEquals(1, corpus.warnings().size(), corpus.warnings().toString());
        assertTrue(corpus.warnings().get(0).contains("Nitro"), corpus.warnings().get(0));
        assertTrue(corpus.warnings().get(0).contains("tRPC"), corpus.warnings().get(0));
        assertFalse(corpus.warnings().get(0).contains("Hono"), "Hono is in the lexicon");
    }

    static String hugeLine() {
        StringBuilder b = new StringBuilder(2_100_000);
        String[] words = {"django", "scales", "teams", "without", "ceremony", "and", "ships", "admin", "panels", "quickly"};
        for (int i = 0; b.length() < 2_000_000; i++) {
            b.append(words[i % words.length]).append(' ');
        }
        return b.toString();
    }

    private Corpus loadOne(String file, String content) throws IOException {
        Path dir = Files.createTempDirectory("formats");
        Files.writeString(dir.resolve(file), content);
        return loader.load(dir);
    }

    private static List<Sentence> sentences(Corpus corpus) {
        return corpus.passages().stream().flatMap(p -> p.sentences().stream()).toList();
    }

    private static Sentence find(List<Sentence> sentences, String fragment) {
        return sentences.stream().filter(s -> s.quote().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence with '" + fragment + "' in "
                        + sentences.stream().map(Sentence::quote).toList()));
    }

}
