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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a corpus directory: every {@code *.txt}, {@code *.md} (or {@code .markdown}) and {@code *.html} (or
 * {@code .htm}) file is one document whose file stem is its id. Metadata comes from {@code sources.json}
 * ({@code {"documents": [{"id", "title", "publisher", "author", "date", "url"}]}}, optional) field by field,
 * else from the document (Markdown front matter, HTML {@code <title>}/{@code <meta>}), else its title is its
 * first heading (with a warning). Adding a document is dropping its file.
 *
 * <p>A file over the size limit or with no text is skipped with a warning naming it; so is a second file with
 * the same stem. Warnings go to the log and into {@link Corpus#reports()}.
 */
public final class CorpusLoader {

    /** The default {@code ADVISOR_MAX_DOCUMENT_BYTES}: 1 MiB, ten times the longest article captured so far. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 1 << 20;
    /** File extensions read, and the format each one is: plain text first. */
    public static final Map<String, String> EXTENSIONS = extensions();
    /** The formats read, plain text first (what a text in any other format is stored as). */
    public static final List<String> FORMATS = List.copyOf(new java.util.LinkedHashSet<>(EXTENSIONS.values()));

    private static final Logger log = LoggerFactory.getLogger(CorpusLoader.class);

    private final ObjectMapper json = new ObjectMapper();
    private final FrameworkLexicon lexicon;
    private final Segmenter segmenter;
    private final long maxDocumentBytes;
    /** Made on the first Markdown or HTML file: a corpus of plain text never loads their parsers. */
    private MarkdownReader markdown;
    private HtmlReader html;
    private final AspectClassifier aspects = new AspectClassifier();

    /** A loader with the {@link #DEFAULT_MAX_DOCUMENT_BYTES}. */
    public CorpusLoader(FrameworkLexicon lexicon, Segmenter segmenter) {
        this(lexicon, segmenter, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /**
     * @param maxDocumentBytes a larger file is skipped with a warning (the embedding of a huge document would hold
     *                         start-up for minutes)
     */
    public CorpusLoader(FrameworkLexicon lexicon, Segmenter segmenter, long maxDocumentBytes) {
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive: " + maxDocumentBytes);
        }
        this.lexicon = lexicon;
        this.segmenter = segmenter;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** One document read, before segmenting. */
    private record Read(String id, String file, Document document, Layout layout, List<String> warnings) {
    }

    /**
     * Loads and segments the corpus in {@code dir}.
     *
     * @throws CorpusException when the directory or {@code sources.json} is unreadable, or when no document
     *                         could be loaded
     */
    public Corpus load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CorpusException("corpus directory not found: " + dir.toAbsolutePath());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path sources = dir.resolve("sources.json");
            JsonNode meta = json.createArrayNode();
            if (Files.isRegularFile(sources)) {
                byte[] metaBytes = Files.readAllBytes(sources);
                digest.update(metaBytes);
                meta = json.readTree(metaBytes).path("documents");
            }
            for (String extra : List.of(FrameworkLexicon.FILE_NAME, Cleaning.FILE_NAME)) {
                if (Files.isRegularFile(dir.resolve(extra))) {
                    digest.update(Files.readAllBytes(dir.resolve(extra)));
                }
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> Files.isRegularFile(p) && EXTENSIONS.containsKey(extension(p))).sorted().toList();
            }
            List<DocumentReport> reports = new ArrayList<>();
            Map<String, Read> read = new LinkedHashMap<>();
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.lastIndexOf('.'));
                long size = Files.size(file);
                String skip = read.containsKey(id) ? "skipped: " + read.get(id).file() + " already has the id " + id
                        : size > maxDocumentBytes ? "skipped: " + size + " bytes, over ADVISOR_MAX_DOCUMENT_BYTES ("
                        + maxDocumentBytes + ")" : null;
                byte[] bytes = skip == null ? Files.readAllBytes(file) : new byte[0];
                String source = new String(bytes, StandardCharsets.UTF_8);
                if (skip == null && source.isBlank()) {
                    skip = "skipped: the file is empty";
                }
                if (skip != null) {
                    log.warn("corpus: {} {}", name, skip);
                    reports.add(new DocumentReport(id, name, 0, List.of(), List.of(skip)));
                    continue;
                }
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
                Read r = read(id, name, EXTENSIONS.get(extension(file)), source, entry(meta, id));
                if (r.document().text().isBlank()) {
                    String why = "skipped: no text once read as " + EXTENSIONS.get(extension(file));
                    log.warn("corpus: {} {}", name, why);
                    reports.add(new DocumentReport(id, name, 0, List.of(), List.of(why)));
                    continue;
                }
                read.put(id, r);
            }
            for (JsonNode e : meta) {
                String id = e.path("id").asText();
                if (!read.containsKey(id) && reports.stream().noneMatch(r -> r.id().equals(id))) {
                    log.warn("corpus: sources.json lists '{}' but no {}.txt, .md or .html is in {}", id, id, dir);
                }
            }
            if (read.isEmpty()) {
                throw new CorpusException("no document (*.txt, *.md, *.html) could be loaded from " + dir.toAbsolutePath());
            }
            Cleaning cleaning = Cleaning.load(dir);
            Set<String> repeated = Cleaning.repeatedLines(read.values().stream().map(r -> r.document().text()).toList(),
                    lexicon, aspects);
            List<Document> documents = new ArrayList<>();
            List<Passage> passages = new ArrayList<>();
            for (Read r : read.values()) {
                List<Passage> own = segmenter.segment(r.document(), r.layout(), cleaning, repeated);
                documents.add(r.document());
                passages.addAll(own);
                List<String> warnings = new ArrayList<>(r.warnings());
                if (own.isEmpty()) {
                    warnings.add("no passage: nothing in it reads as prose");
                }
                reports.add(new DocumentReport(r.id(), r.file(), own.size(), List.copyOf(new TreeSet<>(Segmenter.covered(own))),
                        warnings));
                warnings.forEach(w -> log.warn("corpus: {} {}", r.file(), w));
            }
            reports.sort(Comparator.comparing(DocumentReport::file));
            List<String> corpusWarnings = new ArrayList<>();
            new UnknownNames(lexicon).find(passages).ifPresent(w -> {
                corpusWarnings.add(w);
                log.warn("corpus: {}", w);
            });
            return new Corpus(documents, passages, lexicon, HexFormat.of().formatHex(digest.digest()), reports,
                    corpusWarnings);
        } catch (IOException e) {
            throw new CorpusException("cannot read corpus in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Reads one file in its format; metadata from its sources.json entry first, then from the file. */
    private Read read(String id, String file, String format, String source, JsonNode entry) {
        List<String> warnings = new ArrayList<>();
        Layout.ReadDocument doc = switch (format) {
            case "md" -> markdown().read(source, warnings);
            case "html" -> html().read(source);
            default -> new Layout.ReadDocument(source, null, Map.of(), null);
        };
        String title = field(entry, doc, "title");
        if (title == null) {
            title = doc.firstHeading() != null ? doc.firstHeading() : firstLine(doc.text());
            warnings.add("no title in sources.json or the file: titled \"" + title + "\" from its first "
                    + (doc.firstHeading() != null ? "heading" : "line"));
        }
        Document d = new Document(id, title, field(entry, doc, "publisher"), field(entry, doc, "author"),
                field(entry, doc, "date"), field(entry, doc, "url"), doc.text());
        return new Read(id, file, d, doc.layout(), warnings);
    }

    private MarkdownReader markdown() {
        if (markdown == null) {
            markdown = new MarkdownReader();
        }
        return markdown;
    }

    private HtmlReader html() {
        if (html == null) {
            html = new HtmlReader();
        }
        return html;
    }

    private static String firstLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 120 ? first.substring(0, 120) + "…" : first;
    }

    private static String field(JsonNode entry, Layout.ReadDocument doc, String name) {
        JsonNode n = entry == null ? null : entry.get(name);
        if (n != null && !n.isNull() && !n.asText().isBlank()) {
            return n.asText();
        }
        return doc.metadata().get(name);
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> extensions() {
        Map<String, String> e = new java.util.LinkedHashMap<>();
        e.put("txt", "txt");
        e.put("md", "md");
        e.put("markdown", "md");
        e.put("html", "html");
        e.put("htm", "html");
        return java.util.Collections.unmodifiableMap(e);
    }

    private static JsonNode entry(JsonNode meta, String id) {
        for (JsonNode e : meta) {
            if (id.equals(e.path("id").asText())) {
                return e;
            }
        }
        return null;
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
