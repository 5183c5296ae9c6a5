package dev.stackadvisor.chat;

import dev.stackadvisor.corpus.DocumentReport;
import java.util.List;

/**
 * What start-up loaded, for {@code /health} and the logs.
 *
 * @param documents        articles loaded
 * @param passages         passages indexed
 * @param frameworks       frameworks the corpus covers
 * @param retrieval        {@code hybrid} or {@code keyword}
 * @param embeddingCache   {@code hit} (embeddings loaded from the cache file), {@code miss} (embedded now),
 *                         or {@code off} (keyword mode)
 * @param embeddedPassages passages embedded during this start (0 on a cache hit)
 * @param sentences        sentences indexed (their embeddings rank quotes in hybrid mode)
 * @param embeddedSentences sentences embedded during this start (0 on a cache hit)
 * @param loadMs           time from start to ready, milliseconds
 * @param documentReports  per corpus file, loaded or skipped: passages, frameworks tagged, warnings
 * @param corpusWarnings   about the corpus as a whole (names discussed as frameworks that the lexicon lacks)
 */
public record StartupReport(int documents, int passages, int frameworks, String retrieval, String embeddingCache,
                            int embeddedPassages, int sentences, int embeddedSentences, long loadMs,
                            List<DocumentReport> documentReports, List<String> corpusWarnings) {
    public StartupReport {
        documentReports = List.copyOf(documentReports);
        corpusWarnings = List.copyOf(corpusWarnings);
    }
}
