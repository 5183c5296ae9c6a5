package dev.stackadvisor.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A user's verdict on an answer: thumbs up or down. */
public enum Rating {
    /** The answer helped. */
    UP,
    /** The answer was wrong, unhelpful or missing something. */
    DOWN;

    /** {@code up} or {@code down}: the wire and database form. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rating spelled {@code code} ({@code up} or {@code down}, exactly), if any. */
    public static Optional<Rating> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
