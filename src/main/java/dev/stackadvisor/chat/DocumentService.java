package dev.stackadvisor.chat;

import dev.stackadvisor.corpus.CorpusFiles;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Adds and deletes documents at run time: validates, writes the corpus directory ({@link CorpusFiles}), re-indexes
 * and swaps ({@link Library#update}), and undoes the write when the result cannot be indexed. The file stays in
 * the directory, so a restart keeps the change. Also shows how a document was cut into passages. Knows nothing
 * of HTTP.
 */
public final class DocumentService {

    /** What a document id may look like: it becomes the file stem. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern URL = Pattern.compile("https?://\\S{1,2000}");
    private static final int MAX_FIELD_CHARS = 500;

    /**
     * A document to add.
     *
     * @param id     1–100 of {@code [A-Za-z0-9_-]}: the file stem and the citations' {@code documentId}
     * @param title  required, at most 500 characters
     * @param format {@code txt} (default when null), {@code md} or {@code html}
     * @param text   the article, at most {@code ADVISOR_MAX_DOCUMENT_BYTES} in UTF-8
     */
    public record NewDocument(String id, String title, String publisher, String author, String url, String date,
                              String format, String text) {
    }

    /**
     * What an upload or a deletion did.
     *
     * @param documentId the document
     * @param file       the file written or removed in the corpus directory
     * @param passages   passages the document was cut into (0 after a deletion)
     * @param frameworks frameworks its passages name, sorted
     * @param generation the snapshot now answering
     * @param documents  documents in the corpus now
     * @param reindexMs  how long building (and, with the warm-up on, warming) the new snapshot took, milliseconds
     */
    public record Outcome(String documentId, String file, int passages, List<String> frameworks, long generation,
                          int documents, long reindexMs) {
    }

    /** One passage as the document was cut: what retrieval indexes and answers quote. */
    public record PassageView(String id, String section, int start, int end, String text, String indexText,
                              List<String> frameworks, List<SentenceView> sentences) {
    }

    /** One sentence of a passage: its quote, the frameworks it is about and what it says of them. */
    public record SentenceView(String quote, List<String> subjects, String aspect) {
    }

    private final Library library;
    private final CorpusFiles files;
    private final int maxDocumentBytes;

    /** @param maxDocumentBytes the largest text accepted, UTF-8 bytes ({@code ADVISOR_MAX_DOCUMENT_BYTES}) */
    public DocumentService(Library library, CorpusFiles files, int maxDocumentBytes) {
        this.library = library;
        this.files = files;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** The largest text accepted, UTF-8 bytes. */
    public int maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /**
     * Validates, writes and indexes a document; answers use it once this returns.
     *
     * @throws DocumentException INVALID (a field), TOO_LARGE, CONFLICT (the id is taken), UNINDEXABLE (the corpus
     *                           with it cannot be loaded, or it gives no passage; nothing is left changed)
     */
    public Outcome add(NewDocument d) {
        String format = validate(d);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("title", d.title().strip());
        meta.put("publisher", blankToNull(d.publisher()));
        meta.put("author", blankToNull(d.author()));
        meta.put("date", blankToNull(d.date()));
        meta.put("url", blankToNull(d.url()));
        meta.put("format", format);
        long t0 = System.nanoTime();
        IndexSnapshot next = reindex(current -> {
            if (current.corpus().document(d.id()).isPresent() || files.contains(d.id())) {
                throw new DocumentException(DocumentException.Kind.CONFLICT, "a document with id '" + d.id()
                        + "' exists; DELETE /api/documents/" + d.id() + " first or choose another id");
            }
            CorpusFiles.Undo undo = files.add(d.id(), format, d.text(), meta);
            return undo::undo;
        }, snapshot -> {
            if (snapshot.corpus().passages().stream().noneMatch(p -> p.documentId().equals(d.id()))) {
                throw new DocumentException(DocumentException.Kind.UNINDEXABLE,
                        "no passage could be cut from the text of '" + d.id() + "': it holds no sentence to quote");
            }
        });
        List<Passage> passages = next.corpus().passages().stream().filter(p -> p.documentId().equals(d.id())).toList();
        return new Outcome(d.id(), CorpusFiles.fileName(d.id(), format), passages.size(), frameworks(passages),
                next.generation(), next.corpus().documents().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Removes a document's file and entry and re-indexes.
     *
     * @throws DocumentException NOT_FOUND, CONFLICT (it is the last document), UNINDEXABLE
     */
    public Outcome delete(String id) {
        requireId(id);
        long t0 = System.nanoTime();
        IndexSnapshot next = reindex(current -> {
            if (current.corpus().document(id).isPresent() && current.corpus().documents().size() == 1) {
                throw new DocumentException(DocumentException.Kind.CONFLICT,
                        "'" + id + "' is the only document; the corpus cannot be empty");
            }
            return files.remove(id).<Runnable>map(u -> u::undo).orElseThrow(() -> notFound(id));
        }, snapshot -> { });
        return new Outcome(id, null, 0, List.of(), next.generation(), next.corpus().documents().size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * How the current corpus cut a document: its passages in order, with their sentences.
     *
     * @throws DocumentException NOT_FOUND
     */
    public List<PassageView> passages(String id) {
        requireId(id);
        IndexSnapshot s = library.current();
        String text = s.corpus().document(id).orElseThrow(() -> notFound(id)).text();
        return s.corpus().passages().stream().filter(p -> p.documentId().equals(id))
                .map(p -> new PassageView(p.id(), p.section(), p.start(), p.end(), text.substring(p.start(), p.end()),
                        p.indexText(), p.frameworks(), p.sentences().stream().map(DocumentService::sentence).toList()))
                .toList();
    }

    private static SentenceView sentence(Sentence s) {
        return new SentenceView(s.quote(), s.subjects(), s.aspect() == null ? null : s.aspect().name().toLowerCase(Locale.ROOT));
    }

    private static List<String> frameworks(List<Passage> passages) {
        TreeSet<String> names = new TreeSet<>();
        passages.forEach(p -> names.addAll(p.frameworks()));
        return List.copyOf(names);
    }

    /** {@link Library#update}, a corpus the loader refuses becoming the client's 422 (the change is undone by then). */
    private IndexSnapshot reindex(Library.Change change, Library.Check check) {
        try {
            return library.update(change, check);
        } catch (CorpusLoader.CorpusException e) {
            throw new DocumentException(DocumentException.Kind.UNINDEXABLE,
                    "the corpus cannot be indexed with this change: " + e.getMessage());
        }
    }

    /** @return the canonical format */
    private String validate(NewDocument d) {
        requireId(d.id());
        if (d.title() == null || d.title().isBlank()) {
            throw invalid("title must not be empty");
        }
        field("title", d.title());
        field("publisher", d.publisher());
        field("author", d.author());
        if (d.url() != null && !d.url().isBlank() && !URL.matcher(d.url().strip()).matches()) {
            throw invalid("url must be an http:// or https:// URL");
        }
        if (d.date() != null && !d.date().isBlank()) {
            try {
                LocalDate.parse(d.date().strip());
            } catch (DateTimeParseException e) {
                throw invalid("date must be an ISO date, yyyy-MM-dd (got '" + d.date() + "')");
            }
        }
        String format = d.format() == null || d.format().isBlank() ? "txt" : switch (d.format().strip().toLowerCase(Locale.ROOT)) {
            case "txt", "text", "text/plain" -> "txt";
            case "md", "markdown", "text/markdown" -> "md";
            case "html", "htm", "text/html" -> "html";
            default -> throw invalid("format must be one of " + CorpusLoader.FORMATS + " (got '" + d.format() + "')");
        };
        if (d.text() == null || d.text().isBlank()) {
            throw invalid("text must not be empty");
        }
        int bytes = d.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxDocumentBytes) {
            throw new DocumentException(DocumentException.Kind.TOO_LARGE, "the document is " + bytes
                    + " bytes; at most " + maxDocumentBytes + " (ADVISOR_MAX_DOCUMENT_BYTES)");
        }
        return format;
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw invalid("id must be 1-100 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    private static void field(String name, String value) {
        if (value != null && value.length() > MAX_FIELD_CHARS) {
            throw invalid(name + " must be at most " + MAX_FIELD_CHARS + " characters");
        }
        if (value != null && value.chars().anyMatch(c -> c < 0x20)) {
            throw invalid(name + " must be one line without control characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static DocumentException invalid(String message) {
        return new DocumentException(DocumentException.Kind.INVALID, message);
    }

    private static DocumentException notFound(String id) {
        return new DocumentException(DocumentException.Kind.NOT_FOUND, "no document '" + id + "'; GET /api/sources lists them");
    }
}
