package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Documentation pages (READMEs, FAQs, guides) as sources: questions as headings, table rows and list items as
 * statements with their header, prose beside code, flattened table rows cell by cell. Small hand-made documents;
 * in each, every quote must stay verbatim text of its document ({@code \n} in a case is a line break).
 */
class SegmenterDocumentationPagesTest {

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final CorpusLoader loader = new CorpusLoader(lexicon, new Segmenter(lexicon));

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '^', textBlock = """
        # a Markdown heading
        faq.md   ¦ # Hono\\n\\n## Why is Hono fast?\\n\\nHono uses RegExpRouter. It avoids linear loops.\\n       ¦ Why is Hono fast?            ¦ Hono uses RegExpRouter.
        # an FAQ's bold question with its answer in the same paragraph
        faq.md   ¦ # Hono FAQ\\n\\n**Does it support WebSockets?** Yes, it ships a WebSocket helper.\\n         ¦ Does it support WebSockets?  ¦ Yes, it ships a WebSocket helper.
        # a paragraph that is only a question
        faq.md   ¦ # Hono FAQ\\n\\nDoes it run on Bun?\\n\\nYes, no adapter is needed there.\\n         ¦ Does it run on Bun?          ¦ Yes, no adapter is needed there.
        # HTML: a <details> summary, a <dt>, a bold question opening a paragraph
        faq.html ¦ <main><h1>Hono FAQ</h1><details><summary>How do I deploy it?</summary><p>Run wrangler deploy to ship it.</p></details></main> ¦ How do I deploy it? ¦ Run wrangler deploy to ship it.
        faq.html ¦ <main><h1>Hono FAQ</h1><dl><dt>Is it fast?</dt><dd>It is one of the fastest routers.</dd></dl></main>                       ¦ Is it fast?         ¦ It is one of the fastest routers.
        faq.html ¦ <main><h1>Hono FAQ</h1><p><strong>Does it support JSX?</strong> Yes, it renders JSX on the server.</p></main>              ¦ Does it support JSX? ¦ Yes, it renders JSX on the server.
        """)
    void should_head_an_answer_with_its_question_and_quote_the_answer_on_its_own(String file, String content, String question,
            String answer, @TempDir Path dir) throws IOException {
        Corpus corpus = load(dir, file, content);
        Passage passage = corpus.passages().stream()
                .filter(p -> p.sentences().stream().anyMatch(s -> s.quote().equals(answer))).findFirst()
                .orElseThrow(() -> new AssertionError("'" + answer + "' is no sentence of its own: " + quotes(corpus)));
        assertTrue(passage.section().endsWith(question), "the question is in the heading path: " + passage.section());
        assertTrue(passage.indexText().startsWith(passage.section()), "and so matched: " + passage.indexText());
        assertEquals(answer, passage.sentences().get(0).quote(), "the answer opens its passage");
        assertTrue(quotes(corpus).stream().noneMatch(q -> q.contains(question)), "the question is no quote: " + quotes(corpus));
        Sentence first = passage.sentences().get(0);
        assertEquals(List.of("Hono"), first.subjects(), "about the page's framework");
        assertVerbatim(corpus);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '^', textBlock = """
        # a two-column table: the name and its description are one statement; the quote is the description
        mw.md   ¦ # Echo\\n\\n| Middleware | Description |\\n|---|---|\\n| echo-contrib/otel | OpenTelemetry middleware for tracing and metrics |\\n ¦ OpenTelemetry middleware for tracing and metrics ¦ echo-contrib/otel — OpenTelemetry middleware for tracing and metrics
        mw.html ¦ <main><h1>Echo</h1><table><tr><th>Middleware</th><th>Description</th></tr><tr><td>echo-jwt</td><td>JWT middleware</td></tr></table></main> ¦ JWT middleware ¦ echo-jwt — JWT middleware
        # a wider table's row that names no framework is stated with its row and column
        bench.md ¦ # Deno benchmarks\\n\\n| Framework | Version | Results |\\n|---|---|---|\\n| Megalo | 0.3.0 | 64597 req/s |\\n ¦ 64597 req/s ¦ Megalo — Results: 64597 req/s
        # an item of a nested list under an item that leads into it
        contrib.md ¦ # Echo\\n\\n## Contribute\\n\\n- PR should have:\\n  - Test case\\n  - Documentation\\n- Open an issue first.\\n ¦ Test case ¦ PR should have: Test case
        contrib.html ¦ <main><h1>Echo</h1><ul><li>You can also contribute by:<ul><li>Reporting issues</li></ul></li></ul></main> ¦ Reporting issues ¦ You can also contribute by: Reporting issues
        # a list too long to be stated with its lead-in sentence: each item is stated with it
        runtimes.md ¦ # Hono\\n\\nHono runs on these runtimes:\\n\\n- Cloudflare Workers, where it was first built and is tested on every single release\\n- Deno, with its own adapter that is published to the JSR registry for every version\\n ¦ Deno, with its own adapter that is published to the JSR registry for every version ¦ Hono runs on these runtimes: Deno, with its own adapter that is published to the JSR registry for every version
        """)
    void should_state_a_table_row_or_list_item_with_its_header_and_quote_it_verbatim(String file, String content, String quote,
            String display, @TempDir Path dir) throws IOException {
        Corpus corpus = load(dir, file, content);
        Sentence s = find(corpus, quote);
        assertEquals(display, s.display());
        assertVerbatim(corpus);
    }

    @Test
    void should_close_a_nested_lead_in_with_its_list(@TempDir Path dir) throws IOException {
        Corpus corpus = load(dir, "contrib.md", "# Echo\n\n- PR should have:\n  - Test case\n- Open an issue first.\n\n"
                + "Send small PRs.\n\n- One change per PR.\n");
        assertEquals("Open an issue first.", find(corpus, "Open an issue first.").display());
        assertEquals("One change per PR.", find(corpus, "One change per PR.").display());
    }

    @Test
    void should_make_a_short_line_over_a_list_the_list_s_heading(@TempDir Path dir) throws IOException {
        Corpus corpus = load(dir, "contrib.md", "# Echo\n\n## Contribute\n\n**Use issues for everything**\n\n"
                + "- For a small change, just send a PR.\n- For bigger changes open an issue first.\n");
        Passage p = corpus.passages().stream()
                .filter(x -> x.sentences().stream().anyMatch(s -> s.quote().startsWith("For a small change"))).findFirst()
                .orElseThrow();
        assertEquals("Contribute › Use issues for everything", p.section());
        assertTrue(quotes(corpus).stream().noneMatch(q -> q.equals("Use issues for everything")), quotes(corpus).toString());
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '^', textBlock = """
        # Markdown: a sentence introducing a fenced block is quotable; the fence is not text
        adapter.md   ¦ # Fastify\\n\\nTo accept other hosts, specify '0.0.0.0' in the listen() call:\\n\\n```ts\\nawait app.listen(3000, '0.0.0.0') // fenced secret\\n```\\n ¦ To accept other hosts, specify '0.0.0.0' in the listen() call: ¦ fenced secret
        # plain text: prose naming code is prose, the code under it is code
        adapter.txt  ¦ Fastify adapter\\n\\nTo accept other hosts, specify 0.0.0.0 in the listen() call:\\nawait app.listen(3000, '0.0.0.0');\\nconst secret = 1;\\n ¦ To accept other hosts, specify 0.0.0.0 in the listen() call: ¦ secret
        adapter.txt  ¦ Fastify adapter\\n\\nRoutes are registered with app.get() and app.post().\\napp.get('/', handler);\\n ¦ Routes are registered with app.get() and app.post(). ¦ handler
        # HTML: the paragraph before a <pre> block
        adapter.html ¦ <main><h1>Fastify</h1><p>Register the route with app.get():</p><pre><code>app.get('/', preSecret)</code></pre></main> ¦ Register the route with app.get(): ¦ preSecret
        # a callout's marker (a type word and a bold title) is markup, not words of the sentence
        hint.md      ¦ # NestJS\\n\\n> info **Hint** Note that the adapter proxies middleware to Fastify.\\n ¦ Note that the adapter proxies middleware to Fastify. ¦ info Hint
        hint.md      ¦ # NestJS\\n\\n> [!NOTE]\\n> The adapter proxies middleware to Fastify.\\n ¦ The adapter proxies middleware to Fastify. ¦ [!NOTE]
        """)
    void should_quote_prose_beside_code_but_never_the_code(String file, String content, String prose, String code,
            @TempDir Path dir) throws IOException {
        Corpus corpus = load(dir, file, content);
        find(corpus, prose);
        assertTrue(quotes(corpus).stream().noneMatch(q -> q.contains(code)), quotes(corpus).toString());
        assertVerbatim(corpus);
    }

    @Test
    void should_state_a_flattened_table_row_cell_by_cell_and_never_quote_the_glued_row(@TempDir Path dir) throws IOException {
        String row = "NestJSEnterprise APIs, SaaS platformsHighModerate-HighGrowingVery HighStartups, SaaS";
        Corpus corpus = load(dir, "compare.txt", "Framework comparison\n\n"
                + "Backend FrameworkBest ForScalabilityDevelopment SpeedEnterprise ReadinessPerformanceIdeal Business Type\n"
                + row + "\n");
        List<Sentence> cells = corpus.passages().stream().flatMap(p -> p.sentences().stream()).toList();
        assertTrue(cells.stream().noneMatch(s -> s.quote().equals(row) || s.quote().contains("HighModerate")), quotes(corpus).toString());
        List<Sentence> ratings = cells.stream().filter(s -> s.aspect() == Aspect.RATING).toList();
        assertEquals(List.of("NestJS — Scalability: High", "NestJS — Development Speed: Moderate-High",
                "NestJS — Enterprise Readiness: Growing", "NestJS — Performance: Very High"),
                ratings.stream().map(Sentence::display).toList());
        assertEquals(List.of("High", "Moderate-High", "Growing", "Very High"), ratings.stream().map(Sentence::quote).toList());
        assertEquals("Enterprise APIs, SaaS platforms", find(corpus, "Enterprise APIs, SaaS platforms").display());
        assertEquals("Ideal Business Type: Startups, SaaS", find(corpus, "Startups, SaaS").display());
        cells.forEach(s -> assertEquals(List.of("NestJS"), s.subjects(), s.display()));
        assertVerbatim(corpus);
    }

    private Corpus load(Path dir, String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content.replace("\\n", "\n"));
        return loader.load(dir);
    }

    private static List<String> quotes(Corpus corpus) {
        return corpus.passages().stream().flatMap(p -> p.sentences().stream()).map(Sentence::quote).toList();
    }

    private static Sentence find(Corpus corpus, String quote) {
        return corpus.passages().stream().flatMap(p -> p.sentences().stream()).filter(s -> s.quote().equals(quote))
                .findFirst().orElseThrow(() -> new AssertionError("no sentence '" + quote + "' in " + quotes(corpus)));
    }

    /** Every quote is its document's text at its offsets, white space folded (what a citation shows). */
    private static void assertVerbatim(Corpus corpus) {
        corpus.passages().stream().flatMap(p -> p.sentences().stream()).forEach(s -> {
            String text = corpus.document(s.documentId()).orElseThrow().text();
            assertEquals(Segmenter.fold(text.substring(s.start(), s.end())), s.quote());
            assertFalse(s.quote().isEmpty());
        });
    }
}
