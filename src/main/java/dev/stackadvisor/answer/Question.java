package dev.stackadvisor.answer;

import java.util.List;

/**
 * What sentences are ranked against: the question's topic words and, in hybrid mode, its embedding.
 *
 * @param topic  analysed topic words (framework names and filler removed); may be empty
 * @param vector the question's embedding with framework names removed (float[384], L2-normalised), or null
 */
record Question(List<String> topic, float[] vector) {

    /** The same question without words: rank by retrieval and meaning only. */
    Question withTopic(List<String> other) {
        return new Question(other, vector);
    }
}
