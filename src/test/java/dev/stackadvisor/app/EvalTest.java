package dev.stackadvisor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eval sets through the real services: ../shared/eval/dev.jsonl and dev-paraphrase.jsonl (the same asks in the
 * words people use) over {@code corpus/}, and dev-docs.jsonl (specific questions over the articles and real
 * documentation pages) over {@code corpus/} plus ../shared/corpus-extra/ (its metadata from sources-extra.json).
 * Each is held to its bar in each mode, with no quote that is not verbatim text of its document: dev.jsonl at what
 * it passes (0.95 hybrid, 0.925 keyword), dev-paraphrase at 0.95 / 0.925, dev-docs at the answer-selection issue's
 * 0.90 hybrid / 0.85 keyword, so a change that loses ground fails. Skips with a message where shared/ is not beside the project; fails instead in CI,
 * where it must be.
 */
@EndToEnd
class EvalTest {

    private static final Path SHARED = Path.of("..", "shared");
    private static final Path EVAL = SHARED.resolve("eval");
    private static final Path EXTRA = SHARED.resolve("corpus-extra");
    private static final Map<AppConfig.Retrieval, Services> WITH_DOCS = new EnumMap<>(AppConfig.Retrieval.class);

    @ParameterizedTest(name = "{0} in {1} mode passes at least {2}")
    @CsvSource({"dev.jsonl, HYBRID, 0.95", "dev.jsonl, KEYWORD, 0.925",
            "dev-paraphrase.jsonl, HYBRID, 0.95", "dev-paraphrase.jsonl, KEYWORD, 0.925",
            "dev-docs.jsonl, HYBRID, 0.90", "dev-docs.jsonl, KEYWORD, 0.85"})
    void should_pass_the_eval_set(String file, AppConfig.Retrieval mode, double bar) throws IOException {
        Path path = EVAL.resolve(file);
        boolean docs = file.startsWith("dev-docs");
        if (System.getenv("CI") != null) {
            assertTrue(Files.isRegularFile(path), path.toAbsolutePath() + " is missing: CI copies shared/ beside the project");
            assertTrue(!docs || Files.isDirectory(EXTRA), EXTRA.toAbsolutePath() + " is missing: CI copies shared/ beside the project");
        }
        assumeTrue(Files.isRegularFile(path), "skipped: " + path.toAbsolutePath() + " is not here (it lives in shared/, beside the project)");
        assumeTrue(!docs || Files.isDirectory(EXTRA), "skipped: " + EXTRA.toAbsolutePath() + " is not here");
        List<EvalRunner.Case> cases = EvalRunner.read(path);
        Services s = docs ? withDocs(mode) : TestServer.shared(mode);
        EvalRunner.Summary summary = new EvalRunner(s.chat(), s.catalog()).run(cases);
        String report = EvalRunner.report(summary, false);
        System.out.println(file + " " + mode + "\n" + report);
        assertEquals(0, summary.badQuotes(), report);
        assertTrue(summary.passRate() >= bar, report);
    }

    /**
     * Services over {@code corpus/} plus the documentation pages of corpus-extra (not its SOURCES.md), with the pages'
     * metadata added to sources.json, one per mode for the test JVM.
     */
    private static synchronized Services withDocs(AppConfig.Retrieval mode) throws IOException {
        Services existing = WITH_DOCS.get(mode);
        if (existing != null) {
            return existing;
        }
        Path corpus = Files.createTempDirectory("corpus-with-docs");
        try (Stream<Path> files = Files.list(TestServer.corpusDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(EXTRA)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".html"))
                    .filter(f -> !f.getFileName().toString().equals("SOURCES.md")).toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode sources = (ObjectNode) json.readTree(corpus.resolve("sources.json").toFile());
        ArrayNode documents = (ArrayNode) sources.path("documents");
        json.readTree(EXTRA.resolve("sources-extra.json").toFile()).forEach(documents::add);
        json.writeValue(corpus.resolve("sources.json").toFile(), sources);
        Services s = ServiceFactory.build(TestServer.config(mode, Path.of("target", "test-cache-docs"),
                Map.of("ADVISOR_CORPUS_DIR", corpus.toString())));
        WITH_DOCS.put(mode, s);
        return s;
    }
}
