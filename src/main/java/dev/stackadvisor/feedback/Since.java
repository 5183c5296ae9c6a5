package dev.stackadvisor.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the {@code since} of a feedback listing or export. */
public final class Since {

    private Since() {
    }

    /**
     * {@code 2026-12-01} (midnight UTC) or an ISO-8601 instant such as {@code 2026-12-01T09:30:00Z}; null or blank
     * for the beginning of time.
     *
     * @throws IllegalArgumentException naming the expected forms
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return Instant.EPOCH;
        }
        String t = text.strip();
        try {
            return t.contains("T") ? Instant.parse(t) : LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be a date (2026-12-01, UTC) or an instant "
                    + "(2026-12-01T09:30:00Z), got '" + t + "'");
        }
    }
}
