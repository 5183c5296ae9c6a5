package dev.stackadvisor.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * The keyword analysis chains declared in {@link #RESOURCE}, built as Lucene {@link CustomAnalyzer}s: per chain, its
 * char filters, tokenizer and token filters by their factories' SPI names ("standard", "porterStem", "synonymGraph"…)
 * with their arguments; file arguments (synonyms, stop words, mappings) name classpath resources, read through a
 * {@link ClasspathResourceLoader}. Stateless; each call reads the file and builds a new analyzer.
 */
final class AnalysisChains {

    /** The bundled chains, on the classpath. */
    static final String RESOURCE = "analysis/analyzers.json";

    /** The chain that indexes passages and sentences and reads a question's own words ({@link SearchAnalyzer}). */
    static final String PASSAGES = "passages";
    /** The question side, synonyms added ({@link QueryTermAnalyzer}). */
    static final String QUESTIONS = "questions";
    /** How the synonyms file's entries are read ({@link SynonymEntryAnalyzer}). */
    static final String SYNONYM_ENTRIES = "synonymEntries";

    private AnalysisChains() {
    }

    /**
     * Builds one chain of {@link #RESOURCE}.
     *
     * @param name the chain's key in the file
     * @throws IllegalStateException when the file or the chain is missing, a factory name or argument is unknown, or a
     *                               synonyms file it names is malformed (naming the line)
     * @throws UncheckedIOException  when a file it names is missing or cannot be read
     */
    static Analyzer build(String name) {
        ClassLoader classes = AnalysisChains.class.getClassLoader();
        JsonNode chain = read(classes).path(name);
        if (!chain.path("tokenizer").has("type")) {
            throw new IllegalStateException(RESOURCE + ": no chain '" + name + "' with a tokenizer type");
        }
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder(new ClasspathResourceLoader(classes));
            for (JsonNode f : chain.path("charFilters")) {
                builder.addCharFilter(f.path("type").asText(), params(f));
            }
            builder.withTokenizer(chain.path("tokenizer").path("type").asText(), params(chain.path("tokenizer")));
            for (JsonNode f : chain.path("tokenFilters")) {
                builder.addTokenFilter(f.path("type").asText(), params(f));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ": chain '" + name + "': " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof ParseException p) {
                throw new IllegalStateException(RESOURCE + ": chain '" + name + "': a synonyms file is not valid (line "
                        + p.getErrorOffset() + "): " + p.getMessage(), e);
            }
            throw new UncheckedIOException(RESOURCE + ": cannot build the chain '" + name + "': " + e.getMessage(), e);
        }
    }

    /** A component's arguments: every field but {@code type}, as text. */
    private static Map<String, String> params(JsonNode component) {
        Map<String, String> out = new LinkedHashMap<>();
        component.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("type")) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    private static JsonNode read(ClassLoader classes) {
        try (InputStream in = classes.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
