package dev.stackadvisor.chat;

import dev.stackadvisor.answer.ExtractiveComposer;
import dev.stackadvisor.answer.LlmAnswerer;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.retrieval.HybridRetriever;
import dev.stackadvisor.retrieval.QueryAnalyzer;
import java.util.Optional;

/**
 * Everything derived from the corpus as it was at one moment, built together and never changed: a request reads
 * the current snapshot once at its start ({@link Library#current()}) and uses only it, so a re-index that swaps
 * in a new one never mixes two corpora within one answer.
 *
 * @param generation 1 for the start-up build, one more for each re-index
 * @param corpus     the documents and passages
 * @param analyzer   reads questions against this corpus's vocabulary and frameworks
 * @param retriever  the keyword and (in hybrid mode) dense indexes over its passages
 * @param composer   extractive answers, help and refusal text made from this corpus
 * @param llm        null without an LLM; else the LLM answerer quoting this corpus
 * @param catalog    sources, frameworks and profiles for the HTTP API
 * @param report     what this build loaded and how long it took
 */
public record IndexSnapshot(long generation, Corpus corpus, QueryAnalyzer analyzer, HybridRetriever retriever,
                            ExtractiveComposer composer, LlmAnswerer llm, Catalog catalog, StartupReport report) {

    /** The LLM answerer, if one is configured. */
    public Optional<LlmAnswerer> llmAnswerer() {
        return Optional.ofNullable(llm);
    }
}
