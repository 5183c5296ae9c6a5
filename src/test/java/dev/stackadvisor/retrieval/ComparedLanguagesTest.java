package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A question that compares languages or platforms ("node or go") is read as a comparison of the frameworks that stand
 * for each side: a framework or platform as itself, a language as its covered frameworks with the most passages (at
 * most {@code frameworksPerLanguage}, lexicon order between equals, platforms left out). A language said to be the
 * team's stays a preference, not a side; "go" the verb names nothing. Keyword mode over a hand-made corpus: no model,
 * no server.
 */
class ComparedLanguagesTest {

    /** Passages per framework: Django 3, FastAPI 2, Flask 1; Node.js 3 (a platform), NestJS 2, Express.js 2,
     * Fastify 1; Gin 2, Fiber 1, Echo 1; Axum 1; Spring Boot 1; no Elixir framework. */
    private static final HandCorpus CORPUS = new HandCorpus(
            text("d1", "Django", "Django ships an admin and an ORM for content sites."),
            text("d2", "Django", "Django suits teams that want batteries included."),
            text("d3", "Django", "Django scales for large web applications."),
            text("f1", "FastAPI", "FastAPI is async and typed for API services."),
            text("f2", "FastAPI", "FastAPI serves machine learning models well."),
            text("l1", "Flask", "Flask is a small core for prototypes."),
            text("n1", "Node.js", "Node.js is not ideal for CPU heavy image processing."),
            text("n2", "Node.js", "Node.js handles many concurrent connections."),
            text("n3", "Node.js", "Node.js has a vast package ecosystem."),
            text("s1", "NestJS", "NestJS brings structure to large TypeScript codebases."),
            text("s2", "NestJS", "NestJS uses modules and dependency injection."),
            text("e1", "Express.js", "Express.js is minimal and flexible for a JSON api."),
            text("e2", "Express.js", "Express.js has middleware for everything."),
            text("y1", "Fastify", "Fastify is fast with low overhead."),
            text("g1", "Gin", "Gin is a fast router for high throughput services."),
            text("g2", "Gin", "Gin compiles to a single binary."),
            text("b1", "Fiber", "Fiber is inspired by Express and built for speed."),
            text("h1", "Echo", "Echo is a minimalist web framework."),
            text("a1", "Axum", "Axum gives memory safety and predictable latency."),
            text("p1", "Spring Boot", "Spring Boot is the enterprise default with a large ecosystem."),
            text("x1", List.of(), "A realtime chat server needs websockets and a team that can run it."));

    private static final QueryAnalyzer ANALYZER = analyzer();

    private static HandCorpus.Text text(String id, String framework, String text) {
        return text(id, List.of(framework), text);
    }

    private static HandCorpus.Text text(String id, List<String> frameworks, String text) {
        return new HandCorpus.Text(id, frameworks, Aspect.STRENGTH, text);
    }

    private static QueryAnalyzer analyzer() {
        FrameworkLexicon lexicon = new FrameworkLexicon();
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (Passage p : CORPUS.passages) {
            p.frameworks().forEach(f -> covered.merge(f, 1, Integer::sum));
        }
        return new QueryAnalyzer(lexicon, covered, CORPUS.keyword, new QuestionCues(CORPUS.keyword, lexicon),
                LanguageCues.bundled(), CORPUS.stats, null, null, new AnalysisTuning(0.5, 0.35, 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // question                                               | frameworks                          | team's languages | intent  | not covered
            "go or rust for a high-qps api?                           | Gin,Fiber,Axum                      | -                | COMPARE | -",
            "python vs ts for this                                    | Django,FastAPI,NestJS,Express.js    | -                | COMPARE | -",
            "Python vs. TypeScript, which is better for an API?       | Django,FastAPI,NestJS,Express.js    | -                | COMPARE | -",
            "for cpu heavy image resizing, node or go?                | Node.js,Gin,Fiber                   | -                | COMPARE | -",
            "should we do this in java or go                          | Spring Boot,Gin,Fiber               | -                | COMPARE | -",
            "java, go or rust for a high throughput api?              | Spring Boot,Gin,Fiber,Axum          | -                | COMPARE | -",
            "go or fastify for a json api?                            | Gin,Fiber,Fastify                   | -                | COMPARE | -",
            "Fastify vs Golang                                        | Fastify,Gin,Fiber                   | -                | COMPARE | -",
            "go vs elixir for a realtime chat server                  | Gin,Fiber                           | -                | COMPARE | Elixir",
            "we're a python shop; for image resizing, node or go?     | Node.js,Gin,Fiber                   | Python           | COMPARE | -",
            "we're a python shop, which framework for an api?         | -                                   | Python           | SCENARIO| -",
            "our team writes go, which framework would you recommend? | -                                   | Go               | SCENARIO| -",
            "we're a python or go shop, which framework for an api?   | -                                   | Python,Go        | SCENARIO| -",
            "let's go with fastify                                    | Fastify                             | -                | SINGLE  | -",
            "stay on express or go for fastify?                       | Express.js,Fastify                  | -                | COMPARE | -",
            "django or flask for a content site?                      | Django,Flask                        | -                | COMPARE | -",
    })
    void should_read_compared_languages_as_their_frameworks_and_the_teams_language_as_a_preference(
            String question, String frameworks, String languages, Intent intent, String notCovered) {
        // given a corpus whose frameworks have known passage counts; when the question is read
        AnalyzedQuery q = ANALYZER.analyze(question.strip(), null);
        // then
        assertEquals(List.of(intent, list(frameworks), list(languages), list(notCovered)),
                List.of(q.intent(), q.frameworks(), q.languages(), q.notCovered()));
    }

    @ParameterizedTest(name = "{0} per language")
    @CsvSource(delimiter = '|', value = {
            "1 | Django         | NestJS              | Gin       | Axum",
            "2 | Django,FastAPI | NestJS,Express.js   | Gin,Fiber | Axum",
            "3 | Django,FastAPI,Flask | NestJS,Express.js,Fastify | Gin,Fiber,Echo | Axum",
    })
    void should_stand_for_a_language_by_its_most_discussed_frameworks_without_platforms(
            int perLanguage, String python, String typescript, String go, String rust) {
        Map<String, Integer> covered = new LinkedHashMap<>();
        for (Passage p : CORPUS.passages) {
            p.frameworks().forEach(f -> covered.merge(f, 1, Integer::sum));
        }
        Map<String, List<String>> standIns = Mentions.standIns(new FrameworkLexicon(), covered, perLanguage);
        assertEquals(List.of(list(python), list(typescript), list(go), list(rust)), List.of(standIns.get("Python"),
                standIns.get("TypeScript/JavaScript"), standIns.get("Go"), standIns.get("Rust")));
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : new ArrayList<>(List.of(csv.strip().split("\\s*,\\s*")));
    }
}
