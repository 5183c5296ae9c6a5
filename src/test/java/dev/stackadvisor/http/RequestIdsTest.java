package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access line's milliseconds read as {@code String.format("%.1f")} wrote them. */
class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.04, 0.05, 0.06, 0.96, 1, 3.14159, 9.95, 12.34, 99.99, 204.0, 1234.56, 30000.04})
    void should_print_milliseconds_with_one_decimal(double ms) {
        assertEquals(String.format(Locale.ROOT, "%.1f", ms), RequestIds.tenths(ms));
    }
}
