package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a JSON data file bundled on the classpath (the cue, language and follow-up vocabularies). */
final class BundledJson {

    private BundledJson() {
    }

    /**
     * The tree of {@code resource}.
     *
     * @param resource an absolute classpath name ("/analysis/question-cues.json")
     * @throws IllegalStateException when it is missing from the classpath
     * @throws UncheckedIOException  when it cannot be read or is not JSON
     */
    static JsonNode read(String resource) {
        try (InputStream in = BundledJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
