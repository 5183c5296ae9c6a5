package dev.stackadvisor.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What is not content, by general rules: page furniture (share buttons, read times, bylines, author handles,
 * "Published on …", calls to action) from {@code analysis/cleaning.json} plus a corpus directory's own
 * {@code cleaning.json}, and lines repeated verbatim across documents (a site's footer in every capture).
 */
public final class Cleaning {

    /** The bundled rules, on the classpath. */
    public static final String RESOURCE = "/analysis/cleaning.json";
    /** A corpus directory's additional rules. */
    public static final String FILE_NAME = "cleaning.json";
    /** A repeated line shorter than this many words is a label ("Best Use Cases"), not furniture. */
    static final int MIN_REPEATED_WORDS = 3;

    private final Pattern furniture;

    /** The bundled rules only. */
    public Cleaning() {
        this(List.of());
    }

    private Cleaning(List<String> extra) {
        List<String> all = new ArrayList<>(read(Cleaning.class.getResourceAsStream(RESOURCE), RESOURCE));
        all.addAll(extra);
        furniture = Pattern.compile("(?:" + String.join("|", all) + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The bundled rules and those of {@code corpusDir/cleaning.json} when it exists.
     *
     * @throws IllegalArgumentException naming the file when it is not JSON or a pattern does not compile
     */
    public static Cleaning load(Path corpusDir) {
        Path file = corpusDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Cleaning();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new Cleaning(read(in, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> read(InputStream in, String source) {
        if (in == null) {
            throw new IllegalStateException(source + " is missing from the classpath");
        }
        try (in) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> out = new ArrayList<>();
            for (JsonNode n : root.path("furniture")) {
                String p = n.asText();
                try {
                    Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(source + ": not a regular expression: " + p, e);
                }
                out.add(p);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** True when the whole {@code line} (white space folded) is page furniture. */
    public boolean isFurniture(String line) {
        return furniture.matcher(line).matches();
    }

    /**
     * True when a line of a document is left out: page furniture, or one of {@code repeated} (the lines repeated across
     * documents, {@link #repeatedLines}).
     *
     * @param line     the line as it stands (white space is folded here)
     * @param repeated folded, lower-cased lines
     */
    boolean leavesOut(String line, Set<String> repeated) {
        String folded = Segmenter.fold(line);
        return isFurniture(folded) || !repeated.isEmpty() && repeated.contains(folded.toLowerCase(Locale.ROOT));
    }

    /**
     * Lines that appear verbatim (case and surrounding space aside) in two or more of {@code texts}, returned
     * folded and lower-cased: at least
     * {@link #MIN_REPEATED_WORDS} words, not a list item, naming no framework and no aspect label.
     */
    static Set<String> repeatedLines(List<String> texts, FrameworkLexicon lexicon, AspectClassifier aspects) {
        // first the lines as they stand (cheap: this sees every line of every document), then only the repeated
        // ones are judged
        Map<String, Integer> documents = new HashMap<>();
        for (String text : texts) {
            Set<String> own = new HashSet<>();
            for (String line : text.split("\n")) {
                String key = line.strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && key.length() <= 300 && own.add(key)) {
                    documents.merge(key, 1, Integer::sum);
                }
            }
        }
        Set<String> out = new HashSet<>();
        documents.forEach((line, n) -> {
            if (n < 2 || LineShapes.BULLET.matcher(line).find() || line.startsWith("|")) {
                return; // list items and table rows repeat legitimately
            }
            String key = Segmenter.fold(line);
            if (key.split(" ").length >= MIN_REPEATED_WORDS && lexicon.names(key).isEmpty() && aspects.label(key).isEmpty()) {
                out.add(key);
            }
        });
        return out;
    }
}
