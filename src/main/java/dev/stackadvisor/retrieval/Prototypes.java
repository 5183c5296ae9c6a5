package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.SentenceVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled example phrasings of what a question asks about a framework ({@code analysis/prototypes.tsv}), one
 * MiniLM embedding each, computed at start-up: in hybrid mode a question whose words name no aspect takes the
 * aspect of its nearest phrasing, so "what would we regret about X?" is read as asking for watch-outs although
 * no cue word says so; a question naming no framework and no recommendation cue takes the intent (scenario or
 * concept) of its nearest intent phrasing. Immutable after construction.
 */
public final class Prototypes {

    /** The bundled phrasings, on the classpath. */
    public static final String RESOURCE = "/analysis/prototypes.tsv";

    /** One phrasing: its aspect, or (for a question naming no framework) the intent it shows; the other null. */
    private record Prototype(Aspect aspect, Intent intent, String text, float[] vector) {
    }

    /** The label (an aspect or an intent) a question's nearest phrasing carries, and how near it is (cosine). */
    public record Match(String label, String phrasing, double similarity) {
    }

    /** Labels of aspect phrasings; intents a question naming no framework can show. */
    private static final List<String> ASPECTS = List.of("WEAKNESS", "STRENGTH", "FIT", "OVERVIEW");
    private static final List<String> INTENTS = List.of("SCENARIO", "CONCEPT");

    private final List<Prototype> prototypes = new ArrayList<>();
    private final double minSimilarity;
    private final double minIntentSimilarity;

    /**
     * Reads and embeds {@link #RESOURCE}.
     *
     * @param dense         the model questions are embedded with (float[384], L2-normalised)
     * @param minSimilarity       cosine a question must reach to take a phrasing's aspect
     * @param minIntentSimilarity cosine a question must reach to take an intent phrasing's intent
     * @throws IllegalStateException when the file is missing or a line is not {@code LABEL<TAB>phrasing}
     */
    public Prototypes(DenseIndex dense, double minSimilarity, double minIntentSimilarity) {
        this.minSimilarity = minSimilarity;
        this.minIntentSimilarity = minIntentSimilarity;
        try (InputStream in = Prototypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = lines.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                String label = parts[0].trim();
                Aspect aspect = ASPECTS.contains(label) ? Aspect.valueOf(label) : null;
                Intent intent = INTENTS.contains(label) ? Intent.valueOf(label) : null;
                if (aspect == null && intent == null) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": unknown label '" + label + "' (one of "
                            + ASPECTS + " or " + INTENTS + ")");
                }
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": no phrasing after the label");
                }
                prototypes.add(new Prototype(aspect, intent, parts[1].trim(), dense.embed(parts[1].trim()).vector()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The nearest aspect phrasing ({@code aspects}) or intent phrasing to {@code question} (float[384],
     * L2-normalised), whatever its similarity; null when the file has none of that kind.
     */
    public Match nearest(float[] question, boolean aspects) {
        Prototype best = nearestPrototype(question, aspects);
        return best == null ? null : new Match(best.aspect() != null ? best.aspect().name() : best.intent().name(),
                best.text(), SentenceVectors.dot(question, best.vector()));
    }

    /** The aspect of the nearest aspect phrasing when it reaches the minimum similarity, else null. */
    public Aspect aspect(float[] question) {
        Prototype best = nearestPrototype(question, true);
        return best != null && SentenceVectors.dot(question, best.vector()) >= minSimilarity ? best.aspect() : null;
    }

    /**
     * For a question that names no framework and no cue: the intent of its nearest intent phrasing when that
     * reaches the minimum similarity, else null.
     */
    public Intent intent(float[] question) {
        Prototype best = nearestPrototype(question, false);
        return best != null && SentenceVectors.dot(question, best.vector()) >= minIntentSimilarity ? best.intent() : null;
    }

    private Prototype nearestPrototype(float[] question, boolean aspects) {
        Prototype best = null;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (Prototype p : prototypes) {
            if ((p.aspect() != null) != aspects) {
                continue;
            }
            double s = SentenceVectors.dot(question, p.vector());
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = p;
            }
        }
        return best;
    }
}
