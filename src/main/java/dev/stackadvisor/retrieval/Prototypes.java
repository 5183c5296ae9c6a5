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
 * no cue word says so. Immutable after construction.
 */
public final class Prototypes {

    /** The bundled phrasings, on the classpath. */
    public static final String RESOURCE = "/analysis/prototypes.tsv";

    private record Prototype(Aspect aspect, String text, float[] vector) {
    }

    /** The aspect a question's nearest phrasing carries, and how near it is (cosine, in [-1, 1]). */
    public record Match(Aspect aspect, String phrasing, double similarity) {
    }

    private final List<Prototype> prototypes = new ArrayList<>();
    private final double minSimilarity;

    /**
     * Reads and embeds {@link #RESOURCE}.
     *
     * @param dense         the model questions are embedded with (float[384], L2-normalised)
     * @param minSimilarity cosine a question must reach to take a phrasing's aspect
     * @throws IllegalStateException when the file is missing or a line is not {@code ASPECT<TAB>phrasing}
     */
    public Prototypes(DenseIndex dense, double minSimilarity) {
        this.minSimilarity = minSimilarity;
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
                Aspect aspect;
                try {
                    aspect = Aspect.valueOf(parts[0].trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": unknown aspect '" + parts[0] + "'", e);
                }
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": no phrasing after the aspect");
                }
                prototypes.add(new Prototype(aspect, parts[1].trim(), dense.embed(parts[1].trim()).vector()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The nearest phrasing to {@code question} (float[384], L2-normalised), whatever its similarity. */
    public Match nearest(float[] question) {
        Prototype best = null;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (Prototype p : prototypes) {
            double s = SentenceVectors.dot(question, p.vector());
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = p;
            }
        }
        return best == null ? null : new Match(best.aspect(), best.text(), bestSimilarity);
    }

    /** The aspect of the nearest phrasing when it reaches the minimum similarity, else null. */
    public Aspect aspect(float[] question) {
        Match m = nearest(question);
        return m != null && m.similarity() >= minSimilarity ? m.aspect() : null;
    }
}
