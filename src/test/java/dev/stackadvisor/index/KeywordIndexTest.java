package dev.stackadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.testing.Slow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A search for every match (collected, then sorted by score and doc id) must rank exactly as Lucene's top-k
 * search does, and the per-framework views the retriever filters out of it must equal Lucene's filtered
 * searches: the real corpus, real questions. Term statistics are looked up once per stem and shared: a warm
 * index, also searched from many threads at once, must score exactly as a new one does.
 */
@Slow // the real corpus indexed whole
class KeywordIndexTest {

    private static final FrameworkLexicon LEXICON = new FrameworkLexicon();
    private static final Corpus CORPUS = new CorpusLoader(LEXICON, new Segmenter(LEXICON)).load(Path.of("corpus"));
    private static final KeywordIndex INDEX = new KeywordIndex(CORPUS.passages());

    @ParameterizedTest
    @ValueSource(strings = {"fastify vs nestjs for high-throughput microservices?", "django admin panel for staff",
            "which framework scales best for a large enterprise system with a Java team?", "real-time chat websockets"})
    void should_rank_all_matches_as_lucenes_top_k_does(String question) {
        Map<String, Double> terms = new LinkedHashMap<>();
        INDEX.terms(question).forEach(t -> terms.put(t, 1.0));
        int all = CORPUS.passages().size();

        List<ScoredPassage> every = INDEX.search(terms, null, all);
        List<ScoredPassage> topK = INDEX.search(terms, null, all - 1);
        assertTrue(every.size() > 10, "the question matches passages: " + every.size());
        assertEquals(topK.size(), Math.min(every.size(), all - 1));
        for (int i = 0; i < topK.size(); i++) {
            assertEquals(topK.get(i).passage().id(), every.get(i).passage().id(), question + ": rank " + i);
            assertEquals(topK.get(i).score(), every.get(i).score(), 0.0, question + ": score at rank " + i);
        }
        for (String framework : List.of("Django", "NestJS", "Spring Boot")) {
            List<String> filtered = INDEX.search(terms, framework, all - 1).stream().map(s -> s.passage().id()).toList();
            List<String> view = every.stream().filter(s -> s.passage().isAbout(framework)).map(s -> s.passage().id()).toList();
            assertEquals(filtered, view, question + " about " + framework);
        }
    }

    private static final List<String> QUESTIONS = List.of(
            "fastify vs nestjs for high-throughput microservices?", "django admin panel for staff",
            "which framework scales best for a large enterprise system with a Java team?", "real-time chat websockets",
            "what are the weaknesses of Express?", "flask or fastapi for machine learning model serving",
            "laravel rails phoenix hiring productivity", "zzqx unknownword fastapi", "spring boot kotlin jvm memory");

    /** Weighted terms as the retriever builds them: the question at 1.0, a previous one at 0.4 for follow-ups. */
    private static Map<String, Double> weighted(String question, String context) {
        Map<String, Double> terms = new LinkedHashMap<>();
        INDEX.terms(context).forEach(t -> terms.put(t, 0.4));
        INDEX.terms(question).forEach(t -> terms.put(t, 1.0));
        return terms;
    }

    private static List<String> ranking(KeywordIndex index, Map<String, Double> terms, String framework, int limit) {
        return index.search(terms, framework, limit).stream().map(s -> s.passage().id() + "=" + s.score()).toList();
    }

    @Test
    void should_score_as_a_new_index_once_term_statistics_are_cached() {
        int all = CORPUS.passages().size();
        List<Map<String, Double>> queries = new ArrayList<>();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            queries.add(weighted(QUESTIONS.get(i), QUESTIONS.get((i + 1) % QUESTIONS.size())));
        }
        for (Map<String, Double> q : queries) { // warm INDEX: every stem of every query has been looked up
            INDEX.search(q, null, all);
        }
        for (Map<String, Double> q : queries) {
            KeywordIndex cold = new KeywordIndex(CORPUS.passages()); // nothing cached yet
            for (String framework : java.util.Arrays.asList(null, "Django", "FastAPI")) {
                List<String> expected = ranking(cold, q, framework, all);
                assertTrue(framework != null || expected.size() > 10, "the query matches: " + q);
                assertEquals(expected, ranking(INDEX, q, framework, all), q + " about " + framework);
                assertEquals(expected.subList(0, Math.min(5, expected.size())), ranking(INDEX, q, framework, 5));
            }
        }
    }

    @Test
    void should_rank_the_same_when_many_threads_share_the_cached_statistics() throws Exception {
        int all = CORPUS.passages().size();
        KeywordIndex shared = new KeywordIndex(CORPUS.passages());
        Map<Map<String, Double>, List<String>> expected = new LinkedHashMap<>();
        for (String q : QUESTIONS) {
            Map<String, Double> terms = weighted(q, "");
            expected.put(terms, ranking(new KeywordIndex(CORPUS.passages()), terms, null, all));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    List<Map<String, Double>> order = new ArrayList<>(expected.keySet());
                    java.util.Collections.rotate(order, offset); // threads meet each stem first in different orders
                    for (int round = 0; round < 20; round++) {
                        for (Map<String, Double> terms : order) {
                            assertEquals(expected.get(terms), ranking(shared, terms, null, all), terms.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(); // rethrows a thread's assertion failure
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_count_for_each_term_the_passages_whose_text_holds_it() {
        Map<String, Integer> expected = new java.util.HashMap<>();
        for (var passage : CORPUS.passages()) {
            for (String term : new java.util.HashSet<>(INDEX.terms(passage.indexText()))) {
                expected.merge(term, 1, Integer::sum);
            }
        }
        assertTrue(expected.size() > 1000, "the corpus vocabulary: " + expected.size());
        expected.forEach((term, df) -> assertEquals(df, INDEX.documentFrequency(term), term));
        assertEquals(0, INDEX.documentFrequency("zzyzxq"));
        assertEquals(0, INDEX.documentFrequency(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"real-time chat", "Real time chat", "REALTIME chat", "real -  Time chat", "real\ttime chat"})
    void should_read_every_spelling_of_real_time_as_one_term(String text) {
        assertEquals(List.of("realtim", "chat"), INDEX.terms(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"surreal time chat", "real timeline chat", "unreal-time chat"})
    void should_leave_real_and_time_alone_inside_other_words(String text) {
        assertTrue(!INDEX.terms(text).contains("realtim"), text + ": " + INDEX.terms(text));
    }
}
