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

    /**
     * The lexicon's pattern groups the aliases by first letter behind look-aheads (for speed); it must find exactly
     * what one plain alternation of all aliases, longest first, finds: over the whole corpus and odd spellings.
     */
    @Test
    void should_find_the_same_mentions_as_one_plain_alternation() {
        List<String> aliases = new java.util.ArrayList<>(lexicon.frameworks().stream().flatMap(f -> f.aliases().stream())
                .map(a -> a.toLowerCase(java.util.Locale.ROOT)).distinct().toList());
        aliases.sort(java.util.Comparator.comparingInt(String::length).reversed());
        String alternation = String.join("|", aliases.stream()
                .map(a -> java.util.regex.Pattern.quote(a).replace(" ", "\\E\\s+\\Q")).toList());
        java.util.regex.Pattern plain = java.util.regex.Pattern.compile("(?<![A-Za-z0-9])(?:" + alternation + ")(?![A-Za-z0-9])",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        List<String> texts = new java.util.ArrayList<>(List.of("ASP.NET CORE or .Net?", "\u212Aoa vs KOA.JS",
                "ſpring ßoot", "Ruby   on\tRails", "nest.js/next.js/nuxt.js", "go-chi or go fiber"));
        Corpus corpus = new CorpusLoader(lexicon, new Segmenter(lexicon)).load(java.nio.file.Path.of("corpus"));
        corpus.passages().forEach(p -> texts.add(p.indexText()));
        int found = 0;
        for (String text : texts) {
            List<String> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher m = plain.matcher(text);
            while (m.find()) {
                String name = lexicon.find(Words.fold(m.group().toLowerCase(java.util.Locale.ROOT))).map(Framework::name).orElse(null);
                if (name != null) {
                    expected.add(name + "@" + m.start() + "-" + m.end());
                }
            }
            List<String> actual = lexicon.mentions(text).stream().map(x -> x.framework() + "@" + x.start() + "-" + x.end()).toList();
            assertEquals(expected, actual, text);
            found += actual.size();
        }
        assertTrue(found > 300, "mentions in the corpus: " + found);
    }
}
