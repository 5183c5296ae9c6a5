package dev.stackadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.CorpusLoader;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Segmenter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A search for every match (collected, then sorted by score and doc id) must rank exactly as Lucene's top-k
 * search does, and the per-framework views the retriever filters out of it must equal Lucene's filtered
 * searches: the real corpus, real questions.
 */
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
}
