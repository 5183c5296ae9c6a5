package dev.stackadvisor.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The questions the warm-up asks: question shapes ({@code warmup/questions.txt}: "{a} vs {b} for {topic}?",
 * "is {a} good for {topic}?"…) filled from a {@link WarmupVocabulary}. {@link #question(long)} is a pure function
 * of its index: question k uses shape k mod (number of shapes), and walks that shape's combinations of slot values
 * with a prime stride, so neighbours differ in every slot and no combination of a shape repeats before all of them
 * were asked (then the walk starts over). Deterministic: the same vocabulary, shapes and index give the same
 * question. Immutable, thread-safe.
 */
public final class WarmupQuestions {

    /** The bundled shapes, on the classpath. */
    public static final String RESOURCE = "/warmup/questions.txt";
    private static final Pattern SLOT = Pattern.compile("\\{(a|b|topic|aspect|scenario|fact|phrasing|context)}");
    private static final Pattern ANY_SLOT = Pattern.compile("\\{[^}]*}");
    private static final Pattern IT = Pattern.compile("\\bit\\b");
    private static final Pattern ITS = Pattern.compile("\\bits\\b");
    /** A phrasing is filled before {a} (its "it" becomes {a}), {a} before {b} (which is never {a}). */
    private static final List<String> FILL_ORDER =
            List.of("phrasing", "a", "b", "topic", "aspect", "scenario", "fact", "context");
    /** Prime: coprime with every combination count not a multiple of it (those walk with stride 1). */
    private static final long STRIDE = 7919;

    /** One shape: its text and the slots it fills, in {@link #FILL_ORDER}. */
    private record Shape(String text, List<String> slots) {
    }

    private final WarmupVocabulary vocabulary;
    private final List<Shape> shapes = new ArrayList<>();

    /**
     * @param shapes question shapes using the slots {@code {a}}, {@code {b}}, {@code {topic}}, {@code {aspect}},
     *               {@code {scenario}}, {@code {fact}}, {@code {phrasing}}, {@code {context}} ({@code {b}} only with
     *               {@code {a}}; a shape with {@code {context}} is left out when the vocabulary has no contexts)
     * @throws IllegalArgumentException when there is no shape, one names an unknown slot, or has {@code {b}} without
     *                                  {@code {a}} or two frameworks with a one-framework lexicon
     */
    public WarmupQuestions(WarmupVocabulary vocabulary, List<String> shapes) {
        this.vocabulary = vocabulary;
        for (String text : shapes) {
            Matcher any = ANY_SLOT.matcher(text);
            List<String> slots = new ArrayList<>();
            while (any.find()) {
                Matcher m = SLOT.matcher(any.group());
                if (!m.matches()) {
                    throw new IllegalArgumentException("warm-up shape '" + text + "': unknown slot " + any.group());
                }
                if (!slots.contains(m.group(1))) {
                    slots.add(m.group(1));
                }
            }
            if (slots.contains("phrasing") && !slots.contains("a")) {
                slots.add("a"); // a phrasing speaks of "it", which becomes {a}
            }
            slots.sort(Comparator.comparingInt(FILL_ORDER::indexOf));
            if (slots.contains("b") && (!slots.contains("a") || vocabulary.frameworks().size() < 2)) {
                throw new IllegalArgumentException("warm-up shape '" + text + "': {b} needs {a} and two frameworks");
            }
            if (slots.contains("context") && vocabulary.contexts().isEmpty()) {
                continue; // no corpus text to fill it with
            }
            this.shapes.add(new Shape(text, List.copyOf(slots)));
        }
        if (this.shapes.isEmpty()) {
            throw new IllegalArgumentException("no warm-up question shapes");
        }
    }

    /** The bundled shapes ({@link #RESOURCE}) over {@code vocabulary}. */
    public static WarmupQuestions bundled(WarmupVocabulary vocabulary) {
        try (InputStream in = WarmupQuestions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new WarmupQuestions(vocabulary, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Question number {@code k}.
     *
     * @param k any index ≥ 0
     */
    public String question(long k) {
        Shape shape = shapes.get((int) (k % shapes.size()));
        long n = k / shapes.size();
        long size = 1;
        for (String slot : shape.slots()) {
            size *= values(slot).size();
        }
        long stride = size % STRIDE == 0 ? 1 : STRIDE;
        long index = Math.floorMod(n % size * stride, size);
        List<String> frameworks = vocabulary.frameworks();
        String a = null;
        String text = shape.text();
        for (String slot : shape.slots()) {
            List<String> values = values(slot);
            int i = (int) (index % values.size());
            index /= values.size();
            String value;
            if (slot.equals("a")) {
                a = value = frameworks.get(i);
            } else if (slot.equals("b")) {
                // the (i+1)-th framework after a, wrapping: never a itself
                value = frameworks.get((frameworks.indexOf(a) + 1 + i) % frameworks.size());
            } else if (slot.equals("phrasing")) {
                value = IT.matcher(ITS.matcher(values.get(i)).replaceAll("{a}'s")).replaceAll("{a}");
            } else {
                value = values.get(i);
            }
            text = text.replace("{" + slot + "}", value);
        }
        return text;
    }

    /** The values of a slot; {@code b} ranges over the frameworks but {@code a}; a phrasing is read with {@code a}. */
    private List<String> values(String slot) {
        return switch (slot) {
            case "a" -> vocabulary.frameworks();
            case "b" -> vocabulary.frameworks().subList(1, vocabulary.frameworks().size());
            case "topic" -> vocabulary.topics();
            case "aspect" -> vocabulary.aspects();
            case "scenario" -> vocabulary.scenarios();
            case "fact" -> vocabulary.facts();
            case "context" -> vocabulary.contexts();
            default -> vocabulary.phrasings();
        };
    }
}
