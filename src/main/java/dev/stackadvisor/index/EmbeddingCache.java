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
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings by content: each text's vector is kept under the SHA-256 of the text, so a text that did not change
 * is never embedded again, whatever else in the corpus changed (an uploaded article embeds only its own passages).
 * One file per kind of text and model, {@code <cacheDir>/<name>-<key>.json} (langchain4j's own store
 * serialisation; entry id = the text's SHA-256 in hex, no segment text), where {@code key} is derived from the
 * model id: a new model starts a new file. Loading the file takes ≈0.1–0.25 s, embedding the corpus ≈2–5 s
 * (docs/benchmarks.md). The vectors are also kept in memory, so a re-index does not read the file again.
 *
 * <p>The file holds exactly the texts of the last load: what the corpus no longer has is dropped when something
 * is written. A cache that cannot be read or written is logged and skipped, never fatal. Thread-safe (loads
 * are serialised).
 */
public final class EmbeddingCache {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    /** Texts embedded per call to the model: bounds memory without losing batching. */
    private static final int BATCH = 32;

    /**
     * What loading did.
     *
     * @param store    one entry per text, the entry id being the caller's id and the segment the text
     * @param hit      true when no text had to be embedded
     * @param embedded how many texts were embedded now (0 on a hit)
     * @param file     the cache file, null when caching is off
     */
    public record Outcome(InMemoryEmbeddingStore<TextSegment> store, boolean hit, int embedded, Path file) {
    }

    private final Path dir;
    /** Per cache file: text hash → vector, as last loaded or written. */
    private final Map<Path, Map<String, Embedding>> memory = new HashMap<>();

    /** @param dir cache directory (created when missing); {@code null} disables the file (vectors stay in memory) */
    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The store for {@code passages}' index texts; entry ids are passage ids.
     *
     * @param modelId identifies the embedding model and its version
     */
    public Outcome load(List<Passage> passages, EmbeddingModel model, String modelId) {
        return load("embeddings", passages.stream().map(Passage::id).toList(),
                passages.stream().map(Passage::indexText).toList(), model, modelId);
    }

    /**
     * The store for any texts: each text's vector taken from the cache when its content is there, else embedded
     * with {@code model} (in batches of 32, in the given order, so a cold start embeds exactly as it always did);
     * the file is rewritten when anything was embedded or dropped.
     *
     * @param name    file name prefix, one per kind of text ("embeddings", "sentences")
     * @param ids     entry ids, unique, parallel to {@code texts}
     * @param texts   what to embed
     * @param modelId identifies the embedding model and its version
     */
    public synchronized Outcome load(String name, List<String> ids, List<String> texts, EmbeddingModel model,
                                     String modelId) {
        Path file = dir == null ? null : dir.resolve(name + "-" + key(modelId) + ".json");
        Path slot = file != null ? file : Path.of(name + "-" + key(modelId));
        Map<String, Embedding> known = memory.computeIfAbsent(slot, f -> file == null ? new HashMap<>() : read(file));
        List<String> hashes = texts.stream().map(EmbeddingCache::sha256).toList();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(hashes.get(i))) {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<TextSegment> segments = batch.stream().map(i -> TextSegment.from(texts.get(i))).toList();
            List<Embedding> embeddings = model.embedAll(segments).content();
            for (int j = 0; j < batch.size(); j++) {
                known.put(hashes.get(batch.get(j)), embeddings.get(j));
            }
        }
        List<Embedding> vectors = new ArrayList<>(texts.size());
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            vectors.add(known.get(hashes.get(i)));
            segments.add(TextSegment.from(texts.get(i)));
        }
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        if (!ids.isEmpty()) {
            store.addAll(ids, vectors, segments);
        }
        boolean stale = known.keySet().retainAll(new HashSet<>(hashes));
        if (file != null && (!missing.isEmpty() || stale)) {
            write(known, file);
        }
        return new Outcome(store, missing.isEmpty(), missing.size(), file);
    }

    private static Map<String, Embedding> read(Path file) {
        Map<String, Embedding> known = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return known;
        }
        try {
            InMemoryEmbeddingStore<TextSegment> store = InMemoryEmbeddingStore.fromFile(file);
            StoredVectors.read(store).forEach((hash, vector) -> known.put(hash, Embedding.from(vector)));
        } catch (RuntimeException e) {
            log.warn("embedding cache {} unreadable ({}); embedding again", file, e.getMessage());
        }
        return known;
    }

    private static void write(Map<String, Embedding> known, Path file) {
        try {
            InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
            known.forEach(store::add);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "embeddings-", ".tmp");
            Files.writeString(tmp, store.serializeToJson(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write embedding cache {} ({}); the next start embeds again", file, e.getMessage());
        }
    }

    /** The file key for a model: the first 24 hex digits of SHA-256 of its id. */
    static String key(String modelId) {
        return sha256(modelId).substring(0, 24);
    }

    /** SHA-256 of the text's UTF-8 bytes, 64 hex digits: the cache key of one text. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
