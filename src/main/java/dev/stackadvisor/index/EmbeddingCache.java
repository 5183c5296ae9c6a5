package dev.stackadvisor.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.stackadvisor.corpus.Passage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the embedded passages to {@code <cacheDir>/embeddings-<key>.json} (langchain4j's own store
 * serialisation) and loads them on the next start instead of re-embedding (≈0.2 s instead of ≈2–5 s).
 * The key is SHA-256 of (corpus content hash, model id, segmenter version): change any of them and the
 * passages are embedded again. A cache that cannot be read or written is logged and skipped, never fatal.
 */
public final class EmbeddingCache {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    /** Passages embedded per call to the model: bounds memory without losing batching. */
    private static final int BATCH = 32;

    /** What loading did: whether the file was reused and how many passages had to be embedded. */
    public record Outcome(InMemoryEmbeddingStore<TextSegment> store, boolean hit, int embedded, Path file) {
    }

    private final Path dir;

    /** @param dir cache directory (created when missing); {@code null} disables caching */
    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The store for {@code passages}' index texts: loaded from the cache file for this key when it is there and
     * complete, else embedded with {@code model} and written back. Entry ids are passage ids.
     *
     * @param corpusHash       content hash of the corpus
     * @param modelId          identifies the embedding model and its version
     * @param segmenterVersion identifies how passages were cut
     */
    public Outcome load(List<Passage> passages, EmbeddingModel model, String corpusHash, String modelId,
                        String segmenterVersion) {
        return load("embeddings", passages.stream().map(Passage::id).toList(),
                passages.stream().map(Passage::indexText).toList(), model, corpusHash, modelId, segmenterVersion);
    }

    /**
     * The store for any texts, cached under {@code <cacheDir>/<name>-<key>.json}.
     *
     * @param name  file name prefix, one per kind of text ("embeddings", "sentences")
     * @param ids   entry ids, unique, parallel to {@code texts}
     * @param texts what to embed
     */
    public Outcome load(String name, List<String> ids, List<String> texts, EmbeddingModel model, String corpusHash,
                        String modelId, String segmenterVersion) {
        Path file = dir == null ? null : dir.resolve(name + "-" + key(corpusHash, modelId, segmenterVersion) + ".json");
        if (file != null && Files.isRegularFile(file)) {
            try {
                InMemoryEmbeddingStore<TextSegment> store = InMemoryEmbeddingStore.fromFile(file);
                if (store.size() == ids.size()) {
                    return new Outcome(store, true, 0, file);
                }
                log.warn("embedding cache {} holds {} entries for {} texts; re-embedding", file, store.size(), ids.size());
            } catch (RuntimeException e) {
                log.warn("embedding cache {} unreadable ({}); re-embedding", file, e.getMessage());
            }
        }
        InMemoryEmbeddingStore<TextSegment> store = embed(ids, texts, model);
        if (file != null) {
            write(store, file);
        }
        return new Outcome(store, false, ids.size(), file);
    }

    private static InMemoryEmbeddingStore<TextSegment> embed(List<String> ids, List<String> texts, EmbeddingModel model) {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            int to = Math.min(ids.size(), from + BATCH);
            List<TextSegment> segments = new ArrayList<>(to - from);
            for (String text : texts.subList(from, to)) {
                segments.add(TextSegment.from(text));
            }
            List<Embedding> embeddings = model.embedAll(segments).content();
            store.addAll(ids.subList(from, to), embeddings, segments);
        }
        return store;
    }

    private static void write(InMemoryEmbeddingStore<TextSegment> store, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "embeddings-", ".tmp");
            Files.writeString(tmp, store.serializeToJson(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write embedding cache {} ({}); the next start embeds again", file, e.getMessage());
        }
    }

    static String key(String corpusHash, String modelId, String segmenterVersion) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((corpusHash + "\n" + modelId + "\n" + segmenterVersion).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
