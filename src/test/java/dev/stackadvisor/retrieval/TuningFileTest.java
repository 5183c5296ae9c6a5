package dev.stackadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tuning file: the bundled values load; a value out of range, undocumented, missing or unknown is refused by name. */
class TuningFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode bundled() throws Exception {
        try (InputStream in = TuningFile.class.getResourceAsStream(TuningFile.RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static Tuning load(ObjectNode root) throws Exception {
        return Tuning.from(TuningFile.parse("test.json", JSON.writeValueAsString(root)));
    }

    @Test
    void should_load_the_bundled_values() {
        Tuning t = Tuning.bundled();
        assertEquals(0.42, t.gate().minDense());
        assertEquals(0.34, t.gate().minMeaning());
        assertEquals(60, t.retrieval().rrfK());
        assertEquals(4, t.recommender().maxRecommended());
        assertEquals(0.5, t.analysis().prototypeMinSimilarity());
    }

    @ParameterizedTest(name = "{0}.{1} = {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "gate        | minDense          | 1.5  | illegal minDense value: 1.5, must be in [0.0, 1.0]",
        "gate        | minDense          | -0.1 | illegal minDense value: -0.1, must be in [0.0, 1.0]",
        "gate        | minDenseWithWords | 0.5  | illegal minDenseWithWords value: 0.5, must be in [0.0, 0.42]",
        "gate        | minMatchedWords   | 0    | illegal minMatchedWords value: 0, must be in [1, 100]",
        "retrieval   | candidates        | 10   | illegal candidates value: 10, must be in [20, 1000]",
        "retrieval   | synonymWeight     | 0    | illegal synonymWeight value: 0.0, must be in (0.0, 1.0]",
        "retrieval   | contextWeight     | 1.2  | illegal contextWeight value: 1.2, must be in (0.0, 1.0]",
        "recommender | fitWeight         | 0.5  | illegal fitWeight value: 0.5, must be in [1.0, 10.0]",
        "recommender | maxRecommended    | 21   | illegal maxRecommended value: 21, must be in [1, 20]",
        "analysis    | intentMinSimilarity | 2  | illegal intentMinSimilarity value: 2.0, must be in [0.0, 1.0]",
    })
    void should_refuse_a_value_out_of_range_naming_it(String section, String key, double value, String message) throws Exception {
        ObjectNode root = bundled();
        ObjectNode entry = (ObjectNode) root.path(section).path(key);
        if (value == Math.rint(value) && entry.path("value").isIntegralNumber()) {
            entry.put("value", (int) value);
        } else {
            entry.put("value", value);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(root));
        assertEquals("test.json: " + section + ": " + message, e.getMessage());
    }

    @Test
    void should_refuse_a_value_without_the_measurement_that_chose_it() throws Exception {
        ObjectNode root = bundled();
        ((ObjectNode) root.path("gate").path("minMeaning")).remove("why");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(root));
        assertEquals("test.json: gate.minMeaning: \"why\" must say which measurement chose the value", e.getMessage());
    }

    @Test
    void should_refuse_a_missing_value_and_an_unknown_one() throws Exception {
        ObjectNode missing = bundled();
        ((ObjectNode) missing.path("retrieval")).remove("rrfK");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(missing)).getMessage()
                .contains("test.json: retrieval.rrfK: is missing"));

        ObjectNode typo = bundled();
        ((ObjectNode) typo.path("gate")).set("minDenseTypo", typo.path("gate").path("minDense").deepCopy());
        assertEquals("test.json: gate.minDenseTypo: unknown key (no stage reads it: a typo or a leftover)",
                assertThrows(IllegalArgumentException.class, () -> load(typo)).getMessage());
    }

    @Test
    void should_refuse_a_whole_number_given_as_a_fraction_and_a_missing_stage() throws Exception {
        ObjectNode root = bundled();
        ((ObjectNode) root.path("retrieval").path("candidates")).put("value", 30.5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(root)).getMessage()
                .contains("test.json: retrieval.candidates: \"value\" must be a whole number"));
        ObjectNode noGate = bundled();
        noGate.remove("gate");
        assertEquals("test.json: no \"gate\" object", assertThrows(IllegalArgumentException.class, () -> load(noGate)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "an unknown stage                | {\"gaet\": {}}                                   | test.json: gaet: unknown key (no stage reads it: a typo or a leftover)",
        "a value of the wrong kind       | {\"gate\": {\"minDense\": {\"value\": \"high\", \"why\": \"w\"}}} | test.json: gate.minDense: \"value\" must be a number",
        "an entry that is a bare number  | {\"gate\": {\"minDense\": 0.42}}                 | test.json: gate.minDense: must be an object with \"value\" and \"why\"",
        "an entry that is null           | {\"gate\": {\"minDense\": null}}                 | test.json: gate.minDense: must be an object with \"value\" and \"why\", not null",
        "an unknown field in an entry    | {\"gate\": {\"minDense\": {\"value\": 0.42, \"why\": \"w\", \"was\": 0.4}}} | test.json: gate.minDense: unknown field \"was\" (an object with \"value\" and \"why\")",
    })
    void should_refuse_a_malformed_entry_or_stage_naming_it(String why, String overlay, String message) throws Exception {
        // given the bundled file with one stage or entry replaced
        ObjectNode root = bundled();
        JSON.readerForUpdating(root).readValue(overlay);

        // then binding fails naming the file, the key and the problem
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(root));
        assertEquals(message, e.getMessage(), why);
    }

    @Test
    void should_read_keys_starting_with_an_underscore_as_comments() throws Exception {
        ObjectNode root = bundled();
        ((ObjectNode) root.path("gate")).put("_note", "a comment inside a stage");
        assertEquals(0.42, load(root).gate().minDense());
    }
}
