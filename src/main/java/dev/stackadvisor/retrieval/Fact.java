package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;

/**
 * The retrieved sentence that states the kind of fact a question asks for ("Python by 57.9%").
 *
 * @param sentence the sentence
 * @param passage  the passage holding it
 * @param score    the passage's fused retrieval score
 */
public record Fact(Sentence sentence, Passage passage, double score) {
}
