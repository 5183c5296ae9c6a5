package dev.stackadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keyword analysis chains declared in {@code analysis/analyzers.json} make exactly the tokens the hand-built
 * chains made before (EnglishAnalyzer behind the real-time char filter; the question side with apostrophes, the
 * synonym graph and stop words by their stems): BM25 scores and answers depend on every term. Tricky strings:
 * hyphens, the three spellings of real-time, possessives (ASCII and typographic), dotted versions and addresses, dotted
 * names, stop words that stemming changes.
 */
class AnalysisChainsTest {

    private static final Analyzer PASSAGES = new SearchAnalyzer();
    private static final Analyzer QUESTIONS = new QueryTermAnalyzer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text                              | passages chain           | questions chain
            "real-time dashboards                | realtim dashboard        | real websocket live push socket realtim time updat updat dashboard",
            "Real time chat                      | realtim chat             | real websocket live push socket realtim time updat updat chat",
            "realtime, REAL-TIME and real  time  | realtim realtim realtim  | real websocket live push socket realtim time updat updat real websocket live push socket realtim time updat updat real websocket live push socket realtim time updat updat",
            "unreal time                         | unreal time              | unreal time",
            "Django's admin                      | django admin             | django admin",
            "Django’s perf on k8s                | django perf k8           | django perform speed fast high throughput low quick snappi blaze raw faster fastest quicker perf speed latenc fast speed kubernet kube k8",
            "we’re on TS                         | we’r ts                  | we'r typescript ts",
            "Python 3.11 on 0.0.0.0:8000         | python 3.11 0.0.0.0 8000 | python 3.11 0.0.0.0 8000",
            "Node.js vs ASP.NET Core             | node.j vs asp.net core   | node.j vs asp.net core",
            "state-of-the-art APIs               | state art api            | state art api",
            "C# and .NET 8                       | c net 8                  | c net 8",
            "Spring Boot 3.2.x                   | spring boot 3.2 x        | spring boot 3.2 x",
            "the k8s docs                        | k8 doc                   | kubernet kube k8 document doc",
            "the api's db                        | api db                   | api databas datastor db",
            "this API was theirs                 | api their                | api",
    })
    void should_make_the_tokens_of_the_hand_built_chains(String text, String passages, String questions) {
        assertEquals(List.of(passages.split(" ")), KeywordIndex.terms(PASSAGES, text), "passages chain");
        assertEquals(List.of(questions.split(" ")), KeywordIndex.terms(QUESTIONS, text), "questions chain");
    }

    @Test
    void should_list_lucenes_english_stop_words_by_the_stems_the_question_chain_removes() throws IOException {
        // given Lucene's English stop words, read as the synonyms file's entries are (the question chain up to the stems)
        TreeSet<String> expected = new TreeSet<>();
        try (Analyzer stems = new SynonymEntryAnalyzer()) {
            for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
                expected.addAll(KeywordIndex.terms(stems, new String((char[]) w)));
            }
        }
        // when the bundled list is read
        TreeSet<String> listed = new TreeSet<>();
        try (InputStream in = AnalysisChains.class.getClassLoader().getResourceAsStream("analysis/stopword-stems.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> listed.add(l.strip()));
        }
        // then they agree, and stemming changed some ("this" -> "thi")
        assertEquals(expected, listed);
        assertTrue(listed.contains("thi") && !listed.contains("this"), listed.toString());
    }

    @Test
    void should_drop_stop_words_only_after_the_synonyms_matched_a_phrase_holding_one() {
        // "bad at" is a watch-out phrase of the synonyms file: "at" is a stop word, removed after the match
        List<String> terms = KeywordIndex.terms(QUESTIONS, "bad at scale");
        assertTrue(terms.contains("weak") && !terms.contains("at"), terms.toString());
    }

    @Test
    void should_name_the_chain_that_is_not_declared() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AnalysisChains.build("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
