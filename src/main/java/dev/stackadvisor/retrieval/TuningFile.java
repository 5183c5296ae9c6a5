package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tuning values of every stage, read from one JSON file ({@link #RESOURCE}): one object per stage
 * ({@code "gate"}, {@code "retrieval"}…), one entry per value, each {@code {"value": 0.42, "why": "…"}} where
 * {@code why} states the measurement that chose the value (and the command under {@code bench/calibration/}
 * that repeats it). A stage reads its section into its own record ({@code GateTuning.from(file.section("gate"))});
 * the record checks ranges in its constructor, as Lucene's {@code BM25Similarity} does for k1 and b.
 *
 * <p>Adding a stage (e.g. the composer's {@code "composer"} section): add the object to the file, write a record
 * with a {@code static from(TuningFile.Section s)} that reads each key with {@link Section#number} or
 * {@link Section#count} and ends with {@link Section#done()}, and check ranges with {@link #inRange}.
 *
 * <p>Errors are {@link IllegalArgumentException}s naming the file, the section, the key and the accepted range:
 * a value out of range, a missing key or {@code why}, a key no stage reads (a typo).
 */
public final class TuningFile {

    /** The bundled tuning file, on the classpath. */
    public static final String RESOURCE = "/analysis/tuning.json";

    private final String name;
    private final JsonNode root;

    private TuningFile(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** Reads {@link #RESOURCE}. */
    public static TuningFile bundled() {
        try (InputStream in = TuningFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a tuning file from disk (a calibration copy of the bundled one).
     *
     * @throws IllegalArgumentException when it cannot be read or is not a JSON object
     */
    public static TuningFile read(java.nio.file.Path path) {
        try {
            return parse(path.toString(), java.nio.file.Files.readString(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tuning file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a tuning file's text.
     *
     * @param name what error messages call the file
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static TuningFile parse(String name, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + " must hold a JSON object of stages");
        }
        return new TuningFile(name, root);
    }

    /**
     * One stage's values.
     *
     * @throws IllegalArgumentException when the file has no such object
     */
    public Section section(String stage) {
        JsonNode node = root.get(stage);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(name + ": no \"" + stage + "\" object");
        }
        return new Section(name + ": " + stage, node);
    }

    /**
     * {@code value} when {@code min <= value <= max}.
     *
     * @param key what the message calls the value
     * @throws IllegalArgumentException naming the key and the range otherwise (NaN included)
     */
    public static double inRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "illegal %s value: %s, must be in [%s, %s]",
                    key, value, min, max));
        }
        return value;
    }

    /**
     * {@code value} when {@code min < value <= max} (a weight: zero would switch the thing off).
     *
     * @throws IllegalArgumentException naming the key and the range otherwise (NaN included)
     */
    public static double aboveUpTo(String key, double value, double min, double max) {
        if (!(value > min && value <= max)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "illegal %s value: %s, must be in (%s, %s]",
                    key, value, min, max));
        }
        return value;
    }

    /** As {@link #inRange(String, double, double, double)} for a count. */
    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("illegal " + key + " value: " + value + ", must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    /** A stage's object: reads entries by key, remembers which were read so that {@link #done} can flag the rest. */
    public static final class Section {

        private final String where;
        private final JsonNode node;
        private final Set<String> read = new LinkedHashSet<>();

        Section(String where, JsonNode node) {
            this.where = where;
            this.node = node;
        }

        /** The number under {@code key} (range checks are the stage record's). */
        public double number(String key) {
            JsonNode v = entry(key).get("value");
            if (v == null || !v.isNumber()) {
                throw new IllegalArgumentException(where + "." + key + ": \"value\" must be a number");
            }
            return v.doubleValue();
        }

        /** The whole number under {@code key}. */
        public int count(String key) {
            JsonNode v = entry(key).get("value");
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException(where + "." + key + ": \"value\" must be a whole number");
            }
            return v.intValue();
        }

        /**
         * Checks that every entry of the section was read (a key no stage reads is a typo or a leftover).
         *
         * @throws IllegalArgumentException naming the unread keys
         */
        public void done() {
            List<String> unread = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.startsWith("_") && !read.contains(k)) {
                    unread.add(k);
                }
            }
            if (!unread.isEmpty()) {
                throw new IllegalArgumentException(where + ": unknown keys " + unread);
            }
        }

        /** Runs a record's constructor, prefixing its range error with the file and the section. */
        public <T> T build(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }

        private JsonNode entry(String key) {
            read.add(key);
            JsonNode e = node.get(key);
            if (e == null || !e.isObject()) {
                throw new IllegalArgumentException(where + "." + key + " is missing (an object with \"value\" and \"why\")");
            }
            JsonNode why = e.get("why");
            if (why == null || !why.isTextual() || why.asText().isBlank()) {
                throw new IllegalArgumentException(where + "." + key + ": \"why\" must say which measurement chose the value");
            }
            return e;
        }
    }
}
