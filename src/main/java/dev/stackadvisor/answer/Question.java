package dev.stackadvisor.answer;

import java.util.List;

/**
 * What sentences are ranked against: the question's topic words and, in hybrid mode, its embedding.
 *
 * @param topic  analysed topic words (framework names and filler removed); may be empty
 * @param vector the question's embedding with framework names removed (float[384], L2-normalised), or null
 */
record Question(List<String> topic, float[] vector, java.util.Map<String, Double> similarities) {

    /**
     * @param similarities per-question memo of sentence similarities (sentence key → cosine); the same
     *                     sentences are weighed for several lines of one answer
     */
    Question {
    }

    Question(List<String> topic, float[] vector) {
        this(topic, vector, new java.util.HashMap<>());
    }
}
