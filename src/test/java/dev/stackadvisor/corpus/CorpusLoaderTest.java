package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final CorpusLoader loader = new CorpusLoader(lexicon, new Segmenter(lexicon));

    @Test
    void should_load_the_five_articles_with_their_metadata() {
        Corpus corpus = loader.load(Path.of("corpus"));
        assertEquals(5, corpus.documents().size());
        Document thinkpalm = corpus.document("000_3657616c7b3d0bd1").orElseThrow();
        assertEquals("ThinkPalm", thinkpalm.publisher());
        assertEquals("2025-12-01", thinkpalm.date());
        assertTrue(corpus.coveredFrameworks().containsAll(java.util.List.of("FastAPI", "NestJS", "Spring Boot", "Axum")));
        assertTrue(!corpus.coveredFrameworks().contains("Hono"));
    }

    @Test
    void should_take_a_sixth_article_by_dropping_a_file_and_a_metadata_entry(@TempDir Path dir) throws IOException {
        copyCorpus(dir);
        Files.writeString(dir.resolve("005_sixth.txt"), "Hono on edge runtimes\n\nHono is a small web framework for edge runtimes.\n");
        String meta = Files.readString(dir.resolve("sources.json")).replace("\"documents\": [",
                "\"documents\": [{\"id\": \"005_sixth\", \"title\": \"Hono notes\", \"publisher\": \"Test\"},");
        Files.writeString(dir.resolve("sources.json"), meta);
        Corpus corpus = loader.load(dir);
        assertEquals(6, corpus.documents().size());
        assertTrue(corpus.coveredFrameworks().contains("Hono"), "the new article's framework is now covered");
        assertNotEquals(loader.load(Path.of("corpus")).contentHash(), corpus.contentHash(), "the cache key changes");
    }

    @Test
    void should_load_an_article_without_metadata_titled_from_its_first_line_with_a_warning(@TempDir Path dir) throws IOException {
        copyCorpus(dir);
        Files.writeString(dir.resolve("007_orphan.txt"), "Hono at the edge\n\nHono is a small web framework for edge runtimes.\n");
        Corpus corpus = loader.load(dir);
        Document orphan = corpus.document("007_orphan").orElseThrow();
        assertEquals("Hono at the edge", orphan.title());
        DocumentReport report = corpus.reports().stream().filter(r -> r.id().equals("007_orphan")).findFirst().orElseThrow();
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("no title")), report.toString());
        assertTrue(report.frameworks().contains("Hono"), report.toString());
    }

    @Test
    void should_fail_when_the_directory_is_missing(@TempDir Path dir) {
        CorpusLoader.CorpusException e = assertThrows(CorpusLoader.CorpusException.class, () -> loader.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    private static void copyCorpus(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
