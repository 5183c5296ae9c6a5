package dev.stackadvisor.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code corpus/}: every {@code *.txt} is one article whose file stem is its document id, and
 * {@code sources.json} holds {@code {"documents": [{"id", "title", "publisher", "author", "date", "url"}]}}.
 * Adding an article is dropping its file and adding its entry.
 */
public final class CorpusLoader {

    private final ObjectMapper json = new ObjectMapper();
    private final FrameworkLexicon lexicon;
    private final Segmenter segmenter;

    public CorpusLoader(FrameworkLexicon lexicon, Segmenter segmenter) {
        this.lexicon = lexicon;
        this.segmenter = segmenter;
    }

    /**
     * Loads and segments the corpus in {@code dir}.
     *
     * @throws CorpusException when the directory, {@code sources.json} or an article is missing or unreadable,
     *                         when an article has no metadata entry or an entry has no article, or when the
     *                         directory holds no article
     */
    public Corpus load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CorpusException("corpus directory not found: " + dir.toAbsolutePath());
        }
        Path sources = dir.resolve("sources.json");
        if (!Files.isRegularFile(sources)) {
            throw new CorpusException("missing " + sources.toAbsolutePath() + " (the articles' metadata)");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] metaBytes = Files.readAllBytes(sources);
            digest.update(metaBytes);
            JsonNode meta = json.readTree(metaBytes).path("documents");
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new CorpusException("no *.txt articles in " + dir.toAbsolutePath());
            }
            List<Document> documents = new ArrayList<>();
            List<Passage> passages = new ArrayList<>();
            for (Path file : files) {
                String id = file.getFileName().toString().replaceFirst("\\.txt$", "");
                JsonNode entry = entry(meta, id);
                byte[] bytes = Files.readAllBytes(file);
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
                Document d = new Document(id, text(entry, "title"), text(entry, "publisher"), text(entry, "author"),
                        text(entry, "date"), text(entry, "url"), new String(bytes, StandardCharsets.UTF_8));
                if (d.title() == null) {
                    throw new CorpusException("sources.json entry '" + id + "' has no title");
                }
                documents.add(d);
                passages.addAll(segmenter.segment(d));
            }
            for (JsonNode e : meta) {
                String id = e.path("id").asText();
                if (documents.stream().noneMatch(d -> d.id().equals(id))) {
                    throw new CorpusException("sources.json lists '" + id + "' but " + id + ".txt is not in " + dir);
                }
            }
            return new Corpus(documents, passages, lexicon, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new CorpusException("cannot read corpus in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode entry(JsonNode meta, String id) {
        for (JsonNode e : meta) {
            if (id.equals(e.path("id").asText())) {
                return e;
            }
        }
        throw new CorpusException("article " + id + ".txt has no entry in sources.json");
    }

    private static String text(JsonNode entry, String field) {
        JsonNode n = entry.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    /** The corpus cannot be loaded; the message says which file and why. */
    public static final class CorpusException extends RuntimeException {
        public CorpusException(String message) {
            super(message);
        }

        public CorpusException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
