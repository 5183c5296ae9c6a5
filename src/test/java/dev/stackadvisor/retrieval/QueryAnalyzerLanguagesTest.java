package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The languages a question names, in any letter case: each pattern runs only when the lower-cased question holds
 * one of its words at a word start, so every spelling the patterns accept must still be found, and "go" the verb
 * (or inside "django") still ignored.
 */
class QueryAnalyzerLanguagesTest {

    private static final LanguageCues LANGUAGES = LanguageCues.bundled();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "we are a PYTHON shop, which framework?                 | Python",
            "Pythonic APIs for data people                         | Python",
            "our TypeScript team needs an API                       | TypeScript/JavaScript",
            "JavaScript everywhere                                  | TypeScript/JavaScript",
            "node with TS or JS?                                    | TypeScript/JavaScript",
            "a KOTLIN or Java backend on the JVM                    | Java/JVM",
            "we write C# on .NET                                    | C#/.NET",
            "CSharp developers                                      | C#/.NET",
            "Ruby or PHP for a small agency                         | Ruby,PHP",
            "is Golang fast enough                                  | Go",
            "should we use GO or Rust?                              | Go,Rust",
            "a Go team building APIs                                | Go",
            "our team writes Go                                     | Go",
            "let's go with django                                   | ''",
            "we want to go to production soon                       | ''",
            "Rust and ELIXIR (or Erlang) for real-time              | Rust,Elixir",
            "which framework for an ecommerce site?                 | ''",
            "django on mongodb for a good agency site               | ''",
            "mongo-go services or django?                           | Go",
            "an ASP.NET shop                                        | ''",
            "Django_go services                                     | ''",
    })
    void should_find_the_languages_a_question_names(String question, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertEquals(want, LANGUAGES.names(question.strip()));
    }
}
