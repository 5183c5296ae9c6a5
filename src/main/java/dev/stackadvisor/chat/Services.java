package dev.stackadvisor.chat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import dev.stackadvisor.feedback.FeedbackService;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.QueryAnalyzer;

/**
 * Everything a request needs, built once at start-up by {@code ServiceFactory}. What derives from the corpus lives
 * in the {@link Library}'s current snapshot and changes when a document is added or deleted; the accessors below
 * read the snapshot current at the call (a request that needs several should read {@link Library#current()} once).
 *
 * @param chat      answers questions
 * @param rehearsal answers the start-up warm-up's own requests (http.RehearsalKey): the same turn with its own
 *                  small session store, answer cache and meters, recording nothing, so that the same code is
 *                  compiled and nothing a user, {@code /metrics} or the feedback database sees is touched
 * @param library   the current index snapshot, swapped on re-index
 * @param documents adds, deletes and shows documents at run time
 * @param meters    where the services record their metrics; the HTTP layer serves it at /metrics
 * @param redis     the Redis replicas share ({@code REDIS_URL}), empty when everything is in this process's memory
 * @param feedback  ratings of answers in the database ({@code ADVISOR_DATA_DIR} or {@code ADVISOR_DATABASE_URL}),
 *                  empty when no database is configured
 */
public record Services(ChatService chat, ChatService rehearsal, Library library, DocumentService documents,
                       PrometheusMeterRegistry meters, Optional<SharedRedis> redis, Optional<FeedbackService> feedback) {

    /** Sources, frameworks and profiles of the current corpus. */
    public Catalog catalog() {
        return library.current().catalog();
    }

    /** What the current snapshot's build loaded and how long it took. */
    public StartupReport startup() {
        return library.current().report();
    }

    /** Reads questions (exposed for the eval, benchmarks and tests). */
    public QueryAnalyzer analyzer() {
        return library.current().analyzer();
    }

    /** Retrieves evidence (exposed for the eval, benchmarks and tests). */
    public HybridRetriever retriever() {
        return library.current().retriever();
    }
}
