package dev.stackadvisor.testing;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.app.ServiceFactory;
import dev.stackadvisor.chat.ChatService;
import dev.stackadvisor.chat.IndexSnapshot;
import dev.stackadvisor.chat.Library;
import dev.stackadvisor.chat.SessionStore;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.feedback.AnswerLog;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.TopK;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The server's own pipeline over a hand-written corpus, with {@link BagOfWordsEmbedding} in place of MiniLM: the
 * documents are written to {@code dir/corpus}, loaded and segmented by the real {@code CorpusLoader}, indexed (BM25,
 * dense, sentence vectors) and wired into analyzer, hybrid retriever and extractive composer by
 * {@link ServiceFactory#indexes} — the builder the server's {@link Library} uses — so a stage test sees what the
 * server would do with these documents, in milliseconds, without a model file, a server or the real corpus. The
 * bundled framework lexicon and data files apply.
 */
public final class StagePipeline {

    private final Path corpusDir;
    private final Library library;

    private StagePipeline(Path corpusDir, Library library) {
        this.corpusDir = corpusDir;
        this.library = library;
    }

    /**
     * Writes {@code documents} (file name → content: {@code .md} with front matter, {@code .txt} or {@code .html}) to
     * {@code dir/corpus} and builds the first snapshot; embeddings are cached under {@code dir/cache}.
     *
     * @param dir an empty directory of the test's own (JUnit's {@code @TempDir})
     * @throws UncheckedIOException when a file cannot be written
     */
    public static StagePipeline over(Path dir, Map<String, String> documents) {
        Path corpus = dir.resolve("corpus");
        try {
            Files.createDirectories(corpus);
            for (Map.Entry<String, String> d : documents.entrySet()) {
                Files.writeString(corpus.resolve(d.getKey()), d.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppConfig config = AppConfig.fromEnv(Map.of(
                "ADVISOR_CORPUS_DIR", corpus.toAbsolutePath().toString(),
                "ADVISOR_CACHE_DIR", dir.resolve("cache").toAbsolutePath().toString(),
                "ADVISOR_DATA_DIR", dir.resolve("data").toAbsolutePath().toString(),
                "ADVISOR_RETRIEVAL", "hybrid",
                "ADVISOR_WARMUP_SECONDS", "0"));
        Library library = new Library(ServiceFactory.indexes(config, new BagOfWordsEmbedding(), BagOfWordsEmbedding.MODEL_ID),
                new SimpleMeterRegistry());
        return new StagePipeline(corpus, library);
    }

    /** Where the documents were written: {@code dir/corpus}. */
    public Path corpusDir() {
        return corpusDir;
    }

    /** The library the snapshot lives in (as the server's). */
    public Library library() {
        return library;
    }

    /** The current snapshot: analyzer, retriever, composer over the hand-written corpus. */
    public IndexSnapshot snapshot() {
        return library.current();
    }

    /** A first question read and retrieved as a new conversation's would be, with the default breadth. */
    public Evidence evidence(String question) {
        IndexSnapshot s = snapshot();
        return s.retriever().retrieve(s.analyzer().transform(question, null, null), TopK.DEFAULT);
    }

    /** The extractive answer to a first question ({@link #evidence} composed). */
    public Answer answer(String question) {
        return snapshot().composer().compose(evidence(question));
    }

    /**
     * A chat service over this library as {@link ServiceFactory#build} wires one without Redis or a database:
     * sessions in memory (100, an hour), first answers cached, metrics in a registry of its own. Each call gives a
     * new service with no sessions.
     */
    public ChatService chatService() {
        return chatService(AnswerLog.NONE);
    }

    /** As {@link #chatService()}, giving every answered turn to {@code answers}. */
    public ChatService chatService(AnswerLog answers) {
        return new ChatService(library, new SessionStore(100, Duration.ofHours(1), Clock.systemUTC()),
                Caffeine.newBuilder().maximumSize(100).build(), new SimpleMeterRegistry(), answers);
    }

    /**
     * The file as written for the document {@code documentId} (its file stem), for verbatim checks.
     *
     * @throws IllegalArgumentException when no written file has that stem
     */
    public String sourceText(String documentId) {
        try (java.util.stream.Stream<Path> files = Files.list(corpusDir)) {
            Path f = files.filter(p -> p.getFileName().toString().replaceFirst("\\.[^.]+$", "").equals(documentId))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no document " + documentId + " in " + corpusDir));
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
