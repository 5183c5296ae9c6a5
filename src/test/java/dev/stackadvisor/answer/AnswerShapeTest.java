package dev.stackadvisor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every question of both eval sets, over HTTP, both modes, held to what makes an answer read like an expert's:
 * <ul>
 *   <li>no quoted claim starts with a reference word (they, it, this, that, these, those, such, the former/latter…)
 *       unless the heading right above it names the one framework it refers to;</li>
 *   <li>every item listed under framework X in {@code sections} names X (or an alias) in its quote or its section;</li>
 *   <li>the verdict names a framework the answer discusses, or says what the choice depends on (a concept answer's
 *       verdict is its first cited claim);</li>
 *   <li>each item's {@code n} is a citation of the response whose quote is the item's text, and the answer text holds
 *       the item with its marker;</li>
 *   <li>the median answer is at most 150 words.</li>
 * </ul>
 * The reference words here are the list, written out independently of the composer's data file.
 */
@Timeout(600)
@EndToEnd
class AnswerShapeTest {

    private static final Path EVAL = Path.of("..", "shared", "eval");
    private static final Pattern REFERENCE = Pattern.compile(
            "^[\\s\"'“‘•*-]*(they|it|it's|it’s|its|this|that|these|those|such|their|the former|the latter)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @EnumSource(AppConfig.Retrieval.class)
    void should_quote_whole_claims_under_the_right_subject_with_a_verdict(AppConfig.Retrieval mode) throws IOException {
        List<String> questions = questions();
        FrameworkLexicon lexicon = new FrameworkLexicon();
        List<String> violations = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        int structured = 0;
        try (TestServer server = TestServer.start(mode)) {
            for (String line : questions) {
                JsonNode c = JSON.readTree(line);
                String id = c.path("id").asText();
                String session = null;
                JsonNode a = null;
                for (JsonNode turn : c.path("turns")) {
                    TestServer.Response r = server.chat(turn.asText(), session);
                    assertEquals(200, r.status(), r::toString);
                    a = r.json();
                    session = a.path("sessionId").asText();
                }
                words.add(MARKER.matcher(a.path("answer").asText()).replaceAll("").split("\\s+").length);
                if (!a.path("grounded").asBoolean()) {
                    continue;
                }
                JsonNode citations = a.path("citations");
                for (JsonNode cit : citations) {
                    String quote = cit.path("quote").asText();
                    String[] path = cit.path("section").asText().split(" › ");
                    if (REFERENCE.matcher(quote).find() && lexicon.names(path[path.length - 1]).size() != 1) {
                        violations.add(id + " reference without its antecedent: " + quote);
                    }
                }
                JsonNode sections = a.path("sections");
                if (sections.isMissingNode()) {
                    violations.add(id + " no sections");
                    continue;
                }
                structured++;
                String verdict = sections.path("verdict").asText();
                List<String> discussed = new ArrayList<>();
                a.path("frameworks").forEach(f -> discussed.add(f.asText()));
                boolean namesOne = discussed.stream().anyMatch(f -> lexicon.names(verdict).contains(f));
                boolean concept = sections.path("frameworks").isEmpty();
                if (!namesOne && !verdict.toLowerCase(Locale.ROOT).contains("depends on")
                        && !(concept && MARKER.matcher(verdict).find())) {
                    violations.add(id + " verdict names no framework and no dependency: " + verdict);
                }
                for (JsonNode f : sections.path("frameworks")) {
                    String name = f.path("name").asText();
                    for (String kind : List.of("overview", "fit", "strengths", "watchOuts", "evidence")) {
                        for (JsonNode item : f.path(kind)) {
                            int n = item.path("n").asInt();
                            if (n < 1 || n > citations.size() || citations.get(n - 1).path("n").asInt() != n) {
                                violations.add(id + " " + name + " item cites no citation: " + item);
                                continue;
                            }
                            JsonNode cit = citations.get(n - 1);
                            String[] path = cit.path("section").asText().split(" › ");
                            if (REFERENCE.matcher(item.path("text").asText()).find()
                                    && !lexicon.names(path[path.length - 1]).equals(List.of(name))) {
                                violations.add(id + " " + name + " item opens with a reference: " + item);
                            }
                            if (!lexicon.names(cit.path("quote").asText()).contains(name)
                                    && !lexicon.names(cit.path("section").asText()).contains(name)) {
                                violations.add(id + " under " + name + " but about something else: " + cit.path("quote").asText()
                                        + " (" + cit.path("section").asText() + ")");
                            }
                            String stated = item.path("text").asText().replaceAll("[.!?]$", "") + " [" + n + "]";
                            if (!a.path("answer").asText().contains(stated)) {
                                violations.add(id + " item not in the answer text: " + item);
                            }
                        }
                    }
                }
            }
        }
        words.sort(Integer::compare);
        int median = words.get(words.size() / 2);
        System.out.println(mode + ": " + questions.size() + " questions, " + structured + " with sections, "
                + violations.size() + " violations, median " + median + " words");
        violations.forEach(v -> System.out.println("  " + v));
        assertEquals(List.of(), violations, mode + ": " + violations.size() + " violations");
        assertTrue(median <= 150, "median answer " + median + " words");
        assertTrue(structured > questions.size() / 2, "most answers should carry sections: " + structured);
    }

    private static List<String> questions() throws IOException {
        List<String> out = new ArrayList<>();
        for (String file : List.of("dev.jsonl", "dev-paraphrase.jsonl")) {
            Path path = EVAL.resolve(file);
            if (System.getenv("CI") != null) {
                assertTrue(Files.isRegularFile(path), path.toAbsolutePath() + " is missing: CI copies shared/ beside the project");
            }
            assumeTrue(Files.isRegularFile(path), "skipped: " + path.toAbsolutePath() + " is not here (it lives in shared/)");
            Files.readAllLines(path).stream().filter(l -> !l.isBlank()).forEach(out::add);
        }
        return out;
    }
}
