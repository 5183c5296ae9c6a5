package dev.stackadvisor.corpus;

import java.util.List;
import java.util.Locale;

/**
 * The rating words of comparison tables ("Low" … "Extremely High"), weakest first, as {@code analysis/aspect-cues.json}
 * lists them ({@code tables.ratings}): the words the table reader recognises are the ones an answer ranks by.
 */
public final class RatingScale {

    private static final List<String> WEAKEST_FIRST = ReadingCues.BUNDLED.ratingScale().stream()
            .map(r -> r.toLowerCase(Locale.ROOT)).toList();

    private RatingScale() {
    }

    /**
     * Where a rating stands on the scale: 0 for the weakest, higher for stronger; -1 for a word not on it (below
     * every rating). Case-insensitive.
     */
    public static int rank(String rating) {
        return WEAKEST_FIRST.indexOf(rating.toLowerCase(Locale.ROOT));
    }
}
