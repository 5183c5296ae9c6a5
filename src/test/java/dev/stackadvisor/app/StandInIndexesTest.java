package dev.stackadvisor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.chat.StartupReport;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.BagOfWordsEmbedding;
import dev.stackadvisor.testing.StageCorpus;
import dev.stackadvisor.testing.StagePipeline;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServiceFactory#indexes}: the server's snapshot builder with a stand-in embedding model, for stage tests. */
class StandInIndexesTest {

    @Test
    void should_embed_every_passage_once_and_then_find_them_in_the_cache_under_the_stand_in_id(@TempDir Path dir) {
        StartupReport first = StagePipeline.over(dir, StageCorpus.documents()).snapshot().report();
        StartupReport second = StagePipeline.over(dir, Map.of()).snapshot().report(); // same files, same cache dir

        assertEquals(3, first.documents());
        assertEquals("hybrid", first.retrieval());
        assertEquals("miss", first.embeddingCache());
        assertEquals(first.passages(), first.embeddedPassages());
        assertTrue(first.embeddedSentences() > first.passages(), first::toString);
        assertEquals("hit", second.embeddingCache());
        assertEquals(0, second.embeddedPassages());
        assertEquals(0, second.embeddedSentences());
    }

    @Test
    void should_refuse_keyword_mode_and_minilm_s_cache_id(@TempDir Path dir) {
        AppConfig keyword = AppConfig.fromEnv(Map.of("ADVISOR_CORPUS_DIR", dir.toString(), "ADVISOR_RETRIEVAL", "keyword"));
        AppConfig hybrid = AppConfig.fromEnv(Map.of("ADVISOR_CORPUS_DIR", dir.toString(), "ADVISOR_RETRIEVAL", "hybrid"));
        BagOfWordsEmbedding model = new BagOfWordsEmbedding();

        assertThrows(IllegalArgumentException.class, () -> ServiceFactory.indexes(keyword, model, BagOfWordsEmbedding.MODEL_ID));
        assertThrows(IllegalArgumentException.class, () -> ServiceFactory.indexes(hybrid, model, ServiceFactory.MODEL_ID));
    }
}
