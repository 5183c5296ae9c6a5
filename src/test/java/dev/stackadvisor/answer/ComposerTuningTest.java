package dev.stackadvisor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackadvisor.retrieval.TuningFile;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The composer's section of the tuning file: bundled values load; out-of-range, missing or unknown values are refused. */
class ComposerTuningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode bundled() throws Exception {
        try (InputStream in = TuningFile.class.getResourceAsStream(TuningFile.RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static ComposerTuning load(ObjectNode root) throws Exception {
        return ComposerTuning.from(TuningFile.parse("test.json", JSON.writeValueAsString(root)));
    }

    @Test
    void should_load_the_bundled_values() {
        ComposerTuning t = ComposerTuning.bundled();
        assertEquals(150, t.maxWords());
        assertEquals(0.34, t.directRelevance());
        assertEquals(2, t.maxAntecedents());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "meaningSpan     | 0   | illegal meaningSpan value: 0.0, must be in (0.0, 2.0]",
        "directRelevance | 1.5 | illegal directRelevance value: 1.5, must be in [0.0, 1.0]",
        "veryLongWords   | 20  | illegal veryLongWords value: 20, must be in [35, 500]",
        "maxWords        | 5   | illegal maxWords value: 5, must be in [20, 1000]"})
    void should_refuse_a_value_out_of_range_naming_it(String key, double value, String message) throws Exception {
        ObjectNode root = bundled();
        ObjectNode entry = (ObjectNode) root.path("composer").path(key);
        if (entry.path("value").isIntegralNumber()) {
            entry.put("value", (int) value);
        } else {
            entry.put("value", value);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(root));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.json: composer"), e.getMessage());
    }

    @Test
    void should_refuse_an_unknown_key_and_an_undocumented_value() throws Exception {
        ObjectNode typo = bundled();
        ((ObjectNode) typo.path("composer")).set("maxWord", JSON.readTree("{\"value\": 100, \"why\": \"typo\"}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(typo)).getMessage().contains("composer.maxWord: unknown key"));

        ObjectNode undocumented = bundled();
        ((ObjectNode) undocumented.path("composer").path("focusWeight")).remove("why");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(undocumented)).getMessage().contains("focusWeight"));
    }
}
