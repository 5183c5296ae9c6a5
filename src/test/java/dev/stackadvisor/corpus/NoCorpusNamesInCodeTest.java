package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The program is not fitted to the articles it was first given: no file under {@code src/main} (code, Javadoc,
 * resources) names a corpus document id, publisher, author or site (read from {@code corpus/sources.json}), nor
 * quotes any {@value #RUN_WORDS}-word run of a corpus document's text. Quirks of particular captures belong in the
 * corpus directory's own data files ({@code corpus/cleaning.json}).
 */
class NoCorpusNamesInCodeTest {

    @Test
    void should_name_no_corpus_document_publisher_or_site_in_src_main() throws IOException {
        Set<String> names = corpusNames();
        assertFalse(names.isEmpty(), "sources.json lists documents");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                for (String name : names) {
                    if (text.contains(name)) {
                        found.add(f + " names '" + name + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void should_name_no_corpus_document_by_its_number_in_src_main() throws IOException {
        JsonNode docs = new ObjectMapper().readTree(Path.of("corpus", "sources.json").toFile()).path("documents");
        List<Pattern> numbers = new ArrayList<>();
        for (JsonNode d : docs) {
            String number = d.path("id").asText().replaceFirst("_.*", "");
            if (number.matches("\\d{3,}")) {
                // "002 pastes…", "(004)": the number standing alone, not part of 0.002, 1002 or 002%
                numbers.add(Pattern.compile("(?<![\\w.,:/-])" + number + "(?![\\w,%]|\\.\\d)"));
            }
        }
        assertFalse(numbers.isEmpty(), "the corpus documents are numbered");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                numbers.stream().filter(n -> n.matcher(text).find()).forEach(n -> found.add(f + " names document " + n));
            }
        }
        assertEquals(List.of(), found);
    }

    /** Words in a row that, shared with a corpus document, make a quote of it rather than a common phrase. */
    static final int RUN_WORDS = 8;

    /** A word: letters and digits, with inner apostrophes, dots or hyphens ("don't", "node.js", "long-term"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.-][\\p{L}\\p{N}]+)*");

    @Test
    void should_quote_no_run_of_a_corpus_documents_text_in_src_main() throws IOException {
        Map<String, String> runs = new HashMap<>();
        Set<Integer> hashes = new HashSet<>();
        for (Path doc : corpusDocuments()) {
            List<String> words = words(Files.readString(doc));
            for (int i = 0; i + RUN_WORDS <= words.size(); i++) {
                runs.putIfAbsent(String.join(" ", words.subList(i, i + RUN_WORDS)), doc.getFileName().toString());
                hashes.add(words.subList(i, i + RUN_WORDS).hashCode());
            }
        }
        assertFalse(runs.isEmpty(), "the corpus documents have text");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                List<String> words = words(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                for (int i = 0; i + RUN_WORDS <= words.size(); i++) {
                    // the hash first: joining every run of 1.5 MB of sources costs seconds
                    if (hashes.contains(words.subList(i, i + RUN_WORDS).hashCode())) {
                        String run = String.join(" ", words.subList(i, i + RUN_WORDS));
                        if (runs.containsKey(run)) {
                            found.add(f + " quotes " + runs.get(run) + ": '" + run + "'");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), found);
    }

    @Test
    void should_find_a_run_of_eight_words_across_line_breaks_and_comment_stars() {
        List<String> fromJavadoc = runs("/** Teams pick Django\n * because the admin, the ORM and migrations come with it. */");

        assertTrue(fromJavadoc.contains("django because the admin the orm and migrations"), fromJavadoc.toString());
        assertEquals(List.of(), runs("only seven words are in this line"));
    }

    /** Every run of {@link #RUN_WORDS} consecutive words of {@code text}, lower case, joined by single spaces. */
    static List<String> runs(String text) {
        List<String> words = words(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i + RUN_WORDS <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + RUN_WORDS)));
        }
        return out;
    }

    /** The words of {@code text}, lower case. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The files of the documents {@code corpus/sources.json} lists, in any format the loader reads. */
    static List<Path> corpusDocuments() throws IOException {
        JsonNode docs = new ObjectMapper().readTree(Path.of("corpus", "sources.json").toFile()).path("documents");
        List<Path> out = new ArrayList<>();
        for (JsonNode d : docs) {
            for (String extension : CorpusLoader.EXTENSIONS.keySet()) {
                Path file = Path.of("corpus", d.path("id").asText() + "." + extension);
                if (Files.isRegularFile(file)) {
                    out.add(file);
                }
            }
        }
        return out;
    }

    /** Document ids, publishers, authors and the hosts of urls, lower case; words under 4 letters are left out. */
    static Set<String> corpusNames() throws IOException {
        JsonNode docs = new ObjectMapper().readTree(Path.of("corpus", "sources.json").toFile()).path("documents");
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode d : docs) {
            names.add(d.path("id").asText());
            for (String field : List.of("publisher", "author")) {
                String v = d.path(field).asText("");
                if (!d.path(field).isNull() && v.length() >= 4) {
                    names.add(v.toLowerCase(Locale.ROOT).split(",")[0].trim());
                }
            }
            String url = d.path("url").asText("");
            if (!d.path("url").isNull() && !url.isBlank()) {
                String host = URI.create(url).getHost();
                if (host != null) {
                    names.add(host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""));
                }
            }
        }
        names.removeIf(n -> n.isBlank() || n.length() < 4);
        return names;
    }
}
