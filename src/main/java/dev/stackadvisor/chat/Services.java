package dev.stackadvisor.chat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.QueryAnalyzer;

/**
 * Everything a request needs, built once at start-up by {@link ServiceFactory}.
 *
 * @param chat    answers questions
 * @param catalog lists sources and frameworks
 * @param startup   what start-up did and how long it took
 * @param analyzer  reads questions (exposed for the eval, benchmarks and tests)
 * @param retriever retrieves evidence (exposed for the eval, benchmarks and tests)
 * @param meters    where the services record their metrics; the HTTP layer serves it at /metrics
 * @param redis     the Redis replicas share ({@code REDIS_URL}), empty when everything is in this process's memory
 */
public record Services(ChatService chat, Catalog catalog, StartupReport startup, QueryAnalyzer analyzer,
                       HybridRetriever retriever, PrometheusMeterRegistry meters, Optional<SharedRedis> redis) {
}
