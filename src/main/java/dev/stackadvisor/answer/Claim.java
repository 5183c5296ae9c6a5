package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.corpus.Words;

/**
 * A statement an answer makes, backed by a span of one document: one sentence, or a few consecutive items
 * of one list ("SaaS platforms; Enterprise APIs; Real-time applications").
 *
 * @param first   first sentence of the span
 * @param last    last sentence of the span (== first for a single sentence)
 * @param display how the answer states it
 * @param passage the passage it comes from
 * @param score   the passage's fused retrieval score
 */
record Claim(Sentence first, Sentence last, String display, Passage passage, double score) {

    /** Keys of every sentence the claim's span covers: an answer quotes each sentence once at most. */
    java.util.List<String> sentenceKeys() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (Sentence s : passage.sentences()) {
            if (s.start() >= first.start() && s.end() <= last.end()) {
                keys.add(s.key());
            }
        }
        return keys;
    }

    /** Identity of the evidence: same document and span means same citation. */
    String key() {
        return first.documentId() + ":" + first.start() + "-" + last.end();
    }

    int words() {
        return display.isBlank() ? 0 : Words.count(display);
    }
}
