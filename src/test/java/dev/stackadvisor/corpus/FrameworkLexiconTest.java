package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameworkLexiconTest {

    private final FrameworkLexicon lexicon = new FrameworkLexicon();

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '|', value = {
        "should we use fast api?                  | FastAPI",
        "nest or express                          | NestJS,Express.js",
        "Express.js vs Koa                        | Express.js,Koa.js",
        "spring for a bank                        | Spring Boot",
        "we run .NET everywhere                   | ASP.NET Core",
        "ASP.NET Core vs NestJS                   | ASP.NET Core,NestJS",
        "rails or node.js?                        | Ruby on Rails,Node.js",
        "Gin/Fiber for latency                    | Gin,Fiber",
        "Elixir/Phoenix for dashboards            | Phoenix",
        "is hono fast?                            | Hono",
        "sails.js for REST                        | Sails.js"})
    void should_read_aliases_as_canonical_names(String text, String expected) {
        assertEquals(List.of(expected.split(",")), lexicon.names(text));
    }

    @ParameterizedTest(name = "\"{0}\" names nothing")
    @CsvSource({"a more expressive syntax", "the springboard to growth", "nested routes", "ginger"})
    void should_match_whole_words_only(String text) {
        assertEquals(List.of(), lexicon.names(text));
    }

    @Test
    void should_read_glued_table_cells_by_prefix() {
        assertEquals("Spring Boot", lexicon.prefix("Spring BootEnterprise systems").orElseThrow().framework());
        assertEquals("NestJS", lexicon.prefix("NestJSEnterprise APIs").orElseThrow().framework());
    }

    @Test
    void should_reject_an_alias_given_to_two_frameworks() {
        List<Framework> table = List.of(new Framework("A", "x", List.of("a"), false), new Framework("B", "x", List.of("a"), false));
        assertThrows(IllegalArgumentException.class, () -> new FrameworkLexicon(table));
    }

    @Test
    void should_tell_bare_name_lists_from_claims() {
        assertTrue(lexicon.isJustNames("Go Frameworks (Gin/Fiber)"));
        assertTrue(lexicon.isJustNames("Express.js"));
        assertEquals(false, lexicon.isJustNames("Express.js is minimal"));
    }
}
