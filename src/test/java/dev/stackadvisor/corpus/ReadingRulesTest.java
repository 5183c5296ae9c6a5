package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tables in both orientations, framework spellings, subjects of comparisons and pronouns, aspect cues from data. */
class ReadingRulesTest {

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final CorpusLoader loader = new CorpusLoader(lexicon, new Segmenter(lexicon));

    private static final String COLUMN_TABLE = """
            | Aspect | Spring Boot 3.3 | Quarkus 3.11 | Micronaut 4.5 |
            |---|---|---|---|
            | Memory at Idle | 120 – 200 MB | 35 – 60 MB | 50 – 80 MB |
            | Native Startup | 0.10 s | 0.02 s | 0.03 s |
            | Spring AI / AI SDKs | Spring AI | LangChain4j extension | LangChain4j module |
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"txt", "md"})
    void should_state_each_cell_of_a_column_per_framework_table_with_its_column_and_row(String format, @TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("jvm." + format), (format.equals("md") ? "# JVM frameworks\n\n" : "JVM frameworks\n\n")
                + COLUMN_TABLE);
        List<Sentence> cells = cells(loader.load(dir));
        Sentence quarkusMemory = cells.stream().filter(s -> s.quote().equals("35 – 60 MB")).findFirst().orElseThrow();
        assertEquals("Quarkus 3.11 — Memory at Idle: 35 – 60 MB", quarkusMemory.display());
        assertEquals(List.of("Quarkus"), quarkusMemory.subjects());
        assertEquals(List.of("Quarkus"), quarkusMemory.mentions());
        Sentence quarkusAi = cells.stream().filter(s -> s.quote().equals("LangChain4j extension")).findFirst().orElseThrow();
        assertEquals(List.of("Quarkus"), quarkusAi.subjects(), "the row label names Spring; the column is Quarkus's");
        assertEquals(List.of("Quarkus"), quarkusAi.mentions());
        assertTrue(cells.stream().noneMatch(s -> s.quote().startsWith("---")), "the separator row is no data");
        assertEquals(9, cells.size(), "three frameworks × three rows");
    }

    @Test
    void should_read_a_row_per_framework_table_and_never_its_separator_row(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("js.txt"), """
                Edge frameworks

                | Framework | Runtime | Best for |
                |-----------|:-------:|----------|
                | Hono | Workers, Deno, Bun | Edge APIs |
                | Elysia | Bun | Type-safe Bun services |
                """);
        List<Sentence> cells = cells(loader.load(dir));
        assertEquals(4, cells.size(), cells.toString());
        assertTrue(cells.stream().noneMatch(s -> s.display().contains("---")), cells.toString());
        Sentence runtime = cells.stream().filter(s -> s.quote().equals("Workers, Deno, Bun")).findFirst().orElseThrow();
        assertEquals("Runtime: Workers, Deno, Bun", runtime.display());
        assertEquals(List.of("Hono"), runtime.subjects());
        assertEquals(List.of("Elysia"), cells.stream().filter(s -> s.quote().equals("Bun")).findFirst().orElseThrow().subjects());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"ElysiaJS, Elysia", "Elysia.js, Elysia", "Elysia js, Elysia", "elysiajs, Elysia", "HonoJS, Hono",
        "Hono.js, Hono", "Fastify js, Fastify", "NestJS, NestJS", "Express.js, Express.js"})
    void should_accept_the_usual_js_spellings_of_a_framework_name(String spelling, String framework) {
        assertEquals(List.of(framework), lexicon.names("We moved our API to " + spelling + " last year."));
    }

    @Test
    void should_not_derive_a_spelling_that_another_framework_owns() {
        assertEquals(List.of("Node.js"), lexicon.names("node js"));
        assertEquals(List.of("Next.js"), lexicon.names("nextjs"));
    }

    @Test
    void should_take_a_corpus_lexicon_over_the_bundled_one(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("frameworks.json"), """
                {"frameworks": [{"name": "Nitro", "language": "TypeScript/JavaScript", "aliases": ["nitro"]}]}
                """);
        Files.writeString(dir.resolve("a.md"), "# Nitro\n\nNitro is a server toolkit. Hono is not in this lexicon.\n");
        FrameworkLexicon own = FrameworkLexicon.load(dir);
        Corpus corpus = new CorpusLoader(own, new Segmenter(own)).load(dir);
        assertEquals(java.util.Set.of("Nitro"), corpus.coveredFrameworks());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a comparison is about its first term
        "Litestar notes | Litestar is faster than FastAPI for JSON encoding.                           | Litestar",
        "Litestar notes | Litestar wins when the payloads are large, while FastAPI wins on ecosystem.   | Litestar",
        // a pronoun is about the framework before it, not the one it is compared with
        "Why we moved from FastAPI | Litestar serialises with msgspec. It's faster than FastAPI because it uses msgspec. | Litestar"})
    void should_make_a_comparison_about_its_subject_and_a_pronoun_about_the_framework_before_it(String heading,
            String paragraph, String subject, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "# " + heading + "\n\n" + paragraph + "\n");
        List<Sentence> sentences = loader.load(dir).passages().stream().flatMap(p -> p.sentences().stream()).toList();
        Sentence last = sentences.get(sentences.size() - 1);
        assertEquals(List.of(subject), last.subjects(), last.quote());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "Use when             | FIT",
        "Use it when:         | FIT",
        "Sweet spot           | FIT",
        "Best for             | FIT",
        "Downsides            | WEAKNESS",
        "Cons                 | WEAKNESS",
        "Pros                 | STRENGTH",
        "When not to use it   | WEAKNESS"})
    void should_read_aspect_headings_from_the_cue_file(String heading, Aspect aspect) {
        assertEquals(java.util.Optional.of(aspect), new AspectClassifier().label(heading));
    }

    @Test
    void should_not_take_a_memory_footprint_for_a_watch_out_by_itself() {
        AspectClassifier aspects = new AspectClassifier();
        assertNotEquals(Aspect.WEAKNESS, aspects.cue("Its idle memory footprint is roughly half that of Spring Boot."));
        assertEquals(Aspect.WEAKNESS, aspects.cue("It has a higher memory footprint than lighter stacks."));
        assertEquals(Aspect.WEAKNESS, aspects.cue("Memory usage can be higher compared to lightweight frameworks."));
    }

    private static List<Sentence> cells(Corpus corpus) {
        return corpus.passages().stream().flatMap(p -> p.sentences().stream()).filter(Sentence::tableCell).toList();
    }
}
