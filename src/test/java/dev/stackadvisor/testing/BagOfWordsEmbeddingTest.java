package dev.stackadvisor.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.segment.TextSegment;
import dev.stackadvisor.index.SentenceVectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stand-in embedding: fixed bits, unit length, cosine = word overlap. */
class BagOfWordsEmbeddingTest {

    private final BagOfWordsEmbedding model = new BagOfWordsEmbedding();

    private double cosine(String a, String b) {
        return SentenceVectors.dot(model.embed(a).content().vector(), model.embed(b).content().vector());
    }

    @Test
    void should_give_unit_vectors_of_minilm_width_and_the_same_bits_every_time() {
        float[] v = model.embed("Gin is a Go framework").content().vector();

        assertEquals(384, v.length);
        assertEquals(384, model.dimension());
        assertEquals(1.0, SentenceVectors.dot(v, v), 1e-6);
        assertArrayEquals(v, BagOfWordsEmbedding.vector("Gin is a Go framework"));
        // String.hashCode is fixed by the language: "gin" always lands in the same slot
        assertTrue(v[Math.floorMod("gin".hashCode(), 384)] > 0);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Django admin panel      | django ADMIN, panel!  | 1.0
            Django admin panel      | realtime chat sockets | 0.0
            admin panel             | admin                 | 0.7071
            """)
    void should_score_cosine_as_the_overlap_of_lower_cased_words(String a, String b, double expected) {
        assertEquals(expected, cosine(a, b), 1e-4);
    }

    @Test
    void should_give_a_text_without_words_the_zero_vector() {
        assertArrayEquals(new float[384], BagOfWordsEmbedding.vector(" ... ?! "));
    }

    @Test
    void should_embed_a_batch_as_each_text_alone() {
        List<TextSegment> batch = List.of(TextSegment.from("Flask suits prototypes"), TextSegment.from("Phoenix channels"));

        var all = model.embedAll(batch).content();

        assertEquals(2, all.size());
        assertArrayEquals(BagOfWordsEmbedding.vector("Flask suits prototypes"), all.get(0).vector());
        assertArrayEquals(BagOfWordsEmbedding.vector("Phoenix channels"), all.get(1).vector());
    }
}
