package dev.stackadvisor.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The vocabulary the segmenter reads documents with, from {@code analysis/aspect-cues.json}: aspect labels and
 * cues, the verbs, comparison words and pronouns that decide a sentence's subject, and the words by which a
 * sentence refers back or links to the one before, the abbreviations a sentence does not end at, and the rating
 * words of comparison tables ({@code ratingScale}, weakest first as the file lists them; {@code ratings}, the same
 * as alternatives of a regular expression, longest first). Java keeps only how they are combined.
 */
record ReadingCues(Pattern watchOutLabel, Pattern fitLabel, Pattern strengthLabel, Pattern overviewLabel,
                   Pattern watchOutCue, Pattern overviewCue, Pattern fitCue, Pattern strengthCue,
                   Pattern verb, Pattern comparisonBefore, Pattern earlyPronoun, Pattern pronounStart, Pattern listJoin,
                   Pattern refersBack, Pattern connective, Pattern abbreviationEnd, Pattern continuingEnd,
                   List<String> ratingScale, String ratings) {

    /** The bundled file, on the classpath. */
    static final String RESOURCE = "/analysis/aspect-cues.json";

    /** Read once: the file is part of the artifact and immutable. */
    static final ReadingCues BUNDLED = load();

    private static ReadingCues load() {
        try (InputStream in = ReadingCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode labels = root.path("labels");
            JsonNode cues = root.path("cues");
            JsonNode subjects = root.path("subjects");
            JsonNode segmenting = root.path("segmenting");
            int ci = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            return new ReadingCues(
                    Pattern.compile("^(?:" + alternatives(labels, "watchOut") + ")$"),
                    Pattern.compile("^(?:" + alternatives(labels, "fit") + ")$"),
                    Pattern.compile("^(?:" + alternatives(labels, "strength") + ")$"),
                    Pattern.compile("^(?:" + alternatives(labels, "overview") + ")$"),
                    Pattern.compile("\\b(?:" + alternatives(cues, "watchOut") + ")\\b"),
                    Pattern.compile("\\b(?:" + alternatives(cues, "overview") + ")\\b"),
                    Pattern.compile("\\b(?:" + alternatives(cues, "fit") + ")\\b"),
                    Pattern.compile("\\b(?:" + alternatives(cues, "strength") + ")\\b"),
                    Pattern.compile("\\b(?:" + alternatives(subjects, "verbs") + ")\\b", ci),
                    // a comparison word shortly before a name, with no clause break between
                    Pattern.compile("(?:" + alternatives(subjects, "comparison") + ")\\b[^.;:–—]{0,40}$", ci),
                    Pattern.compile("^(?:\\S+\\s+){0,7}?(?:" + alternatives(subjects, "earlyPronoun") + ")\\b", ci),
                    Pattern.compile("^(?:" + alternatives(subjects, "pronounStart") + ")\\b", ci),
                    Pattern.compile("^\\s*(?:" + alternatives(subjects, "listJoin") + ")\\s*$", ci),
                    Pattern.compile("^(?:" + alternatives(segmenting, "refersBack") + ")\\b", ci),
                    Pattern.compile("^(?:" + alternatives(segmenting, "connectives") + "),?\\s+", ci),
                    // initials ("U.S.") or a listed abbreviation end a span that is not a sentence's end
                    Pattern.compile("(\\b[A-Z]\\.){1,3}$|\\b(?:" + alternatives(segmenting, "abbreviations") + ")\\.$"),
                    // a line whose last word is one of these does not end a sentence: the next line continues it
                    Pattern.compile("(?:" + alternatives(segmenting, "continuingWords") + ")", ci),
                    strings(root.path("tables"), "ratings"),
                    // longest first: a shorter rating may start a longer one ("Moderate" in "Moderate-High")
                    strings(root.path("tables"), "ratings").stream()
                            .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String alternatives(JsonNode section, String field) {
        return String.join("|", strings(section, field));
    }

    private static List<String> strings(JsonNode section, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : section.path(field)) {
            out.add(n.asText());
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": '" + field + "' lists nothing");
        }
        return List.copyOf(out);
    }
}
