package dev.stackadvisor.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the corpus directory the way {@link CorpusLoader} reads it: an article file {@code <id>.<ext>} and its
 * entry in {@code sources.json}. Every file is written to a temporary file in the same directory and moved into
 * place atomically, so a reader (a restart, another replica) sees the old or the new file, never half of one.
 * Each change returns how to undo it, for when the corpus it leads to cannot be indexed.
 *
 * <p>Between the two moves of one change a crash leaves an article without its entry (or the reverse), which
 * the loader refuses at the next start, naming the file: put the entry back or delete the file. Not safe for two
 * writers at once (callers serialise changes).
 */
public final class CorpusFiles {

    private static final Logger log = LoggerFactory.getLogger(CorpusFiles.class);

    /** Restores what a change replaced. */
    @FunctionalInterface
    public interface Undo {
        void undo();
    }

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param dir the corpus directory, holding {@code sources.json} */
    public CorpusFiles(Path dir) {
        this.dir = dir;
    }

    /** True when an article file of this id exists (in any format) or {@code sources.json} lists it. */
    public boolean contains(String id) {
        return file(id).isPresent() || entryIndex(readSources(), id) >= 0;
    }

    /**
     * The file an upload in {@code format} is stored as: {@code <id>.<format>} when the loader reads that format,
     * else {@code <id>.txt}.
     */
    public static String fileName(String id, String format) {
        return id + "." + (CorpusLoader.FORMATS.contains(format) ? format : CorpusLoader.FORMATS.get(0));
    }

    /**
     * Writes the article and then appends its entry to {@code sources.json}.
     *
     * @param metadata the entry's fields besides {@code id} ({@code title}, {@code publisher}, …; null values left
     *                 out), in the order given
     * @throws UncheckedIOException when a file cannot be written (nothing is left changed)
     */
    public Undo add(String id, String format, String text, Map<String, String> metadata) {
        Path article = dir.resolve(fileName(id, format));
        byte[] before = readBytes(dir.resolve("sources.json"));
        ObjectNode sources = readSources();
        ObjectNode entry = json.createObjectNode().put("id", id);
        metadata.forEach((k, v) -> {
            if (v != null) {
                entry.put(k, v);
            }
        });
        documents(sources).add(entry);
        byte[] after = serialize(sources);
        writeAtomically(article, text.getBytes(StandardCharsets.UTF_8));
        try {
            writeAtomically(dir.resolve("sources.json"), after);
        } catch (UncheckedIOException e) {
            delete(article);
            throw e;
        }
        return () -> {
            writeAtomically(dir.resolve("sources.json"), before);
            delete(article);
        };
    }

    /**
     * Removes the entry from {@code sources.json} and then the article file.
     *
     * @return empty when no such article is there
     * @throws UncheckedIOException when a file cannot be written or deleted
     */
    public Optional<Undo> remove(String id) {
        Optional<Path> article = file(id);
        byte[] before = readBytes(dir.resolve("sources.json"));
        ObjectNode sources = readSources();
        int at = entryIndex(sources, id);
        if (article.isEmpty() && at < 0) {
            return Optional.empty();
        }
        byte[] text = article.map(CorpusFiles::readBytes).orElse(null);
        if (at >= 0) {
            documents(sources).remove(at);
            writeAtomically(dir.resolve("sources.json"), serialize(sources));
        }
        article.ifPresent(CorpusFiles::delete);
        return Optional.of(() -> {
            article.ifPresent(a -> writeAtomically(a, text));
            writeAtomically(dir.resolve("sources.json"), before);
        });
    }

    private Optional<Path> file(String id) {
        return CorpusLoader.EXTENSIONS.keySet().stream().map(ext -> dir.resolve(id + "." + ext)).filter(Files::isRegularFile).findFirst();
    }

    private ObjectNode readSources() {
        try {
            JsonNode root = json.readTree(dir.resolve("sources.json").toFile());
            if (!(root instanceof ObjectNode o) || !root.path("documents").isArray()) {
                throw new CorpusLoader.CorpusException("sources.json in " + dir + " has no \"documents\" array");
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] serialize(ObjectNode sources) {
        try {
            return json.writeValueAsBytes(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode documents(ObjectNode sources) {
        return (ArrayNode) sources.get("documents");
    }

    private static int entryIndex(ObjectNode sources, String id) {
        ArrayNode docs = documents(sources);
        for (int i = 0; i < docs.size(); i++) {
            if (id.equals(docs.get(i).path("id").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
            try {
                Files.write(tmp, bytes);
                permissions(tmp, file);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A temporary file is private (rw-------); what replaces a file keeps its permissions, and a new article gets
     * rw-r--r-- like files a maintainer copies in, so other readers of the directory (a replica, a backup) still
     * can. Skipped where the file system has no POSIX permissions.
     */
    private static void permissions(Path tmp, Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.error("cannot delete {} ({}): remove it by hand", file, e.getMessage());
            throw new UncheckedIOException(e);
        }
    }
}
