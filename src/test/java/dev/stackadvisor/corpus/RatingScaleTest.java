package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bundled rating scale orders ratings as comparison tables mean them, and the table reader knows the same words. */
class RatingScaleTest {

    @Test
    void should_rank_ratings_weakest_first_case_insensitively() {
        String[] ascending = {"Low", "Low-Moderate", "Growing", "Moderate", "Medium", "Moderate-High", "High",
                "Very High", "Extremely High"};
        for (int i = 1; i < ascending.length; i++) {
            assertTrue(RatingScale.rank(ascending[i - 1]) < RatingScale.rank(ascending[i]),
                    ascending[i - 1] + " < " + ascending[i]);
        }
        assertEquals(RatingScale.rank("High"), RatingScale.rank("high"));
        assertEquals(-1, RatingScale.rank("Stellar"));
    }

    @Test
    void should_read_glued_table_cells_longest_rating_first() {
        // "Moderate-High" must not be read as "Moderate" followed by garbage, nor "Low-Moderate" as "Low"
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(ReadingCues.BUNDLED.ratings())
                .matcher("Moderate-HighLow-ModerateVery HighGrowing");
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertEquals(java.util.List.of("Moderate-High", "Low-Moderate", "Very High", "Growing"), found);
    }
}
