package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tuning values of every stage, read from one JSON file ({@link #RESOURCE}): one object per stage
 * ({@code "gate"}, {@code "retrieval"}…), one entry per value, each {@code {"value": 0.42, "why": "…"}} where
 * {@code why} states the measurement that chose the value (and the command under {@code bench/calibration/}
 * that repeats it). Jackson binds a stage's object to the stage's record, key = record component name (an
 * entry's {@code value} becomes the component; a whole number for an {@code int} one); the record checks ranges in
 * its constructor, as Lucene's {@code BM25Similarity} does for k1 and b. Keys starting with {@code _} are comments.
 *
 * <p>Adding a stage (e.g. the composer's {@code "composer"} section): add the object to the file, write a record
 * whose components are named as its keys, check ranges in its constructor with {@link #inRange}, and bind it with
 * {@link #bind(String, Class)} (or make it a component of {@link Tuning}).
 *
 * <p>Errors are {@link IllegalArgumentException}s naming the file, the section and key, and what is wrong: a value
 * out of range (with the accepted range), a missing key or {@code why}, a value of the wrong kind, a key no stage
 * reads (a typo).
 */
public final class TuningFile {

    /** The bundled tuning file, on the classpath. */
    public static final String RESOURCE = "/analysis/tuning.json";

    /** Binds tuning records: numbers come from entries; unknown keys fail (Jackson's default), comments do not. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("tuning-entries")
                    .addDeserializer(double.class, new Entry<>(false))
                    .addDeserializer(int.class, new Entry<>(true)))
            .addHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                                     Object beanOrClass, String propertyName) throws IOException {
                    if (!propertyName.startsWith("_")) {
                        return false;
                    }
                    p.skipChildren();
                    return true;
                }
            })
            .build();

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
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a tuning file from disk (a calibration copy of the bundled one).
     *
     * @throws IllegalArgumentException when it cannot be read or is not a JSON object
     */
    public static TuningFile read(Path path) {
        try {
            return parse(path.toString(), Files.readString(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tuning file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a tuning file's text (binding happens in {@link #bind}).
     *
     * @param name what error messages call the file
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static TuningFile parse(String name, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + " must hold a JSON object of stages");
        }
        return new TuningFile(name, root);
    }

    /**
     * The whole file bound to {@code type}, whose components are stage records (as {@link Tuning}).
     *
     * @throws IllegalArgumentException naming the file, the key and the problem
     */
    public <T> T bind(Class<T> type) {
        return bind(root, "", type);
    }

    /**
     * One stage's object bound to its record.
     *
     * @throws IllegalArgumentException when the file has no such object, or naming the key and the problem
     */
    public <T> T bind(String stage, Class<T> type) {
        JsonNode node = root.get(stage);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(name + ": no \"" + stage + "\" object");
        }
        return bind(node, stage, type);
    }

    private <T> T bind(JsonNode node, String stage, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(message(stage, e), e);
        }
    }

    /** "file: section.key: problem", the problem as the record or the entry states it. */
    private String message(String stage, JacksonException e) {
        String path = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName).collect(Collectors.joining(".")) : "";
        String where = stage.isEmpty() ? path : path.isEmpty() ? stage : stage + "." + path;
        String problem;
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException range) {
            problem = range.getMessage();
        } else if (e instanceof UnrecognizedPropertyException) {
            problem = "unknown key (no stage reads it: a typo or a leftover)";
        } else {
            problem = e.getOriginalMessage();
        }
        return name + ": " + (where.isEmpty() ? "" : where + ": ") + problem;
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

    /**
     * {@code stage} when it is there: a stage record missing from the file is an error, not a default.
     *
     * @param key what the message calls the stage
     * @throws IllegalArgumentException naming the stage otherwise
     */
    static <T> T present(String key, T stage) {
        if (stage == null) {
            throw new IllegalArgumentException("no \"" + key + "\" object");
        }
        return stage;
    }

    /**
     * One entry, {@code {"value": n, "why": "…"}}, read as its number: a whole one for an {@code int} component.
     * An absent entry fails too (Jackson otherwise gives a primitive 0).
     */
    private static final class Entry<N extends Number> extends JsonDeserializer<N> {

        private static final String SHAPE = "an object with \"value\" and \"why\"";

        private final boolean whole;

        Entry(boolean whole) {
            this.whole = whole;
        }

        @Override
        @SuppressWarnings("unchecked")
        public N deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode e = p.readValueAsTree();
            if (e == null || !e.isObject()) {
                throw JsonMappingException.from(p, "must be " + SHAPE);
            }
            JsonNode why = e.get("why");
            if (why == null || !why.isTextual() || why.asText().isBlank()) {
                throw JsonMappingException.from(p, "\"why\" must say which measurement chose the value");
            }
            for (var it = e.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("value") && !k.equals("why")) {
                    throw JsonMappingException.from(p, "unknown field \"" + k + "\" (" + SHAPE + ")");
                }
            }
            JsonNode v = e.get("value");
            if (whole) {
                if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw JsonMappingException.from(p, "\"value\" must be a whole number");
                }
                return (N) Integer.valueOf(v.intValue());
            }
            if (v == null || !v.isNumber()) {
                throw JsonMappingException.from(p, "\"value\" must be a number");
            }
            return (N) Double.valueOf(v.doubleValue());
        }

        @Override
        public N getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonMappingException.from(ctxt, "must be " + SHAPE + ", not null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            throw JsonMappingException.from(ctxt, "is missing (" + SHAPE + ")");
        }
    }
}
