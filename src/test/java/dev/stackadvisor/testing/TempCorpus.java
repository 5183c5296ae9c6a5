package dev.stackadvisor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A copy of the real corpus in a directory of its own under {@code target/}, for tests that change it (runtime
 * ingestion), with an embedding cache directory of its own seeded from {@link TestServer#SHARED_CACHE_DIR} (the
 * cache is keyed by content, so the copy's texts are found there and nothing is embedded again). Deleted on close.
 */
public final class TempCorpus implements AutoCloseable {

    private final Path root;
    private final Path corpus;
    private final Path cache;

    private TempCorpus(Path root) {
        this.root = root;
        this.corpus = root.resolve("corpus");
        this.cache = root.resolve("cache");
    }

    /** Copies {@code corpus/} and the shared embedding cache files into a fresh directory. */
    public static TempCorpus create() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            TempCorpus t = new TempCorpus(Files.createTempDirectory(target, "temp-corpus-").toAbsolutePath());
            copyFiles(TestServer.corpusDir(), t.corpus);
            Files.createDirectories(t.cache);
            if (Files.isDirectory(TestServer.SHARED_CACHE_DIR)) {
                copyFiles(TestServer.SHARED_CACHE_DIR, t.cache);
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** The corpus directory (give it as {@code ADVISOR_CORPUS_DIR}). */
    public Path corpus() {
        return corpus;
    }

    /** The embedding cache directory (give it as {@code ADVISOR_CACHE_DIR}). */
    public Path cache() {
        return cache;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
