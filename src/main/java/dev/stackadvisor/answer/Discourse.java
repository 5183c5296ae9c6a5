package dev.stackadvisor.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.corpus.Words;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which sentences lean on others: one whose subject is a reference ("They handle concurrent requests…", "These
 * frameworks are commonly used…") and one that tells a case study ("a SaaS startup who opted for Node.js…").
 * The words are data, {@link #RESOURCE}; this class only matches them (case-insensitive, whole words).
 */
public final class Discourse {

    /** The bundled vocabulary, on the classpath. */
    public static final String RESOURCE = "/analysis/discourse.json";

    /** Bullets, quotes and dashes a list item or quotation may start with before its first word. */
    private static final String LEAD = "^[\\s\\p{Pd}\\p{Pi}\\p{Pf}\"'•*·]*";

    private final Pattern opener;
    private final Pattern caseStudy;
    private final Map<String, String> contentionPoints;
    private final Pattern pointer;
    private final Pattern comparative;
    private static final Pattern PARENTHETICAL = Pattern.compile("\\([^()]*\\)");

    /**
     * @param referenceOpeners words or phrases that, opening a sentence, make its subject a reference
     * @param caseStudyCues    words or phrases that mark a case-study narrative
     * @throws IllegalArgumentException when either list is empty
     */
    public Discourse(List<String> referenceOpeners, List<String> caseStudyCues) {
        this(referenceOpeners, caseStudyCues, Map.of());
    }

    /**
     * @param contentionPoints how an answer names a point articles can disagree on → the words that say it (analysed
     *                         later, like the corpus), in the order they are tried
     */
    public Discourse(List<String> referenceOpeners, List<String> caseStudyCues, Map<String, String> contentionPoints) {
        this(referenceOpeners, caseStudyCues, contentionPoints, List.of());
    }

    /**
     * @param pointers words or phrases by which a sentence sends the reader elsewhere ("check out", "see the section",
     *                 "read more"): such a sentence says where an answer is, not what it is
     */
    public Discourse(List<String> referenceOpeners, List<String> caseStudyCues, Map<String, String> contentionPoints,
                     List<String> pointers) {
        this(referenceOpeners, caseStudyCues, contentionPoints, pointers, List.of());
    }

    /**
     * @param comparatives words or phrases by which a sentence weighs one thing against another ("than", "unlike")
     */
    public Discourse(List<String> referenceOpeners, List<String> caseStudyCues, Map<String, String> contentionPoints,
                     List<String> pointers, List<String> comparatives) {
        this.pointer = wholeWords(pointers);
        this.comparative = wholeWords(comparatives);
        this.contentionPoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contentionPoints));
        if (referenceOpeners.isEmpty() || caseStudyCues.isEmpty()) {
            throw new IllegalArgumentException("discourse vocabulary needs reference openers and case-study cues");
        }
        this.opener = Pattern.compile(LEAD + "(?:" + alternatives(referenceOpeners) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.caseStudy = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives(caseStudyCues) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The bundled vocabulary.
     *
     * @throws UncheckedIOException when the resource cannot be read
     * @throws IllegalArgumentException when it lacks either list
     */
    public static Discourse bundled() {
        try (InputStream in = Discourse.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, String> points = new LinkedHashMap<>();
            root.path("contentionPoints").forEach(p -> points.put(p.path("point").asText(), p.path("words").asText()));
            return new Discourse(strings(root.path("referenceOpeners")), strings(root.path("caseStudyCues")), points,
                    strings(root.path("pointers")), strings(root.path("comparatives")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Points articles can disagree on: how the answer names each → its words, in the order to try them. */
    public Map<String, String> contentionPoints() {
        return contentionPoints;
    }

    /** Whether {@code sentence} starts with a reference word: its subject is elsewhere. */
    public boolean opensWithReference(String sentence) {
        return opener.matcher(Words.fold(sentence)).lookingAt();
    }

    /** Whether {@code sentence} sends the reader elsewhere (a {@code pointers} phrase): it never answers by itself. */
    public boolean pointsElsewhere(String sentence) {
        // a parenthetical "(read more)" is a link beside the statement, not the statement
        return pointer != null && pointer.matcher(PARENTHETICAL.matcher(Words.fold(sentence)).replaceAll(" ")).find();
    }

    /** Whether {@code sentence} weighs one thing against another (a {@code comparatives} word: "faster than…"). */
    public boolean compares(String sentence) {
        return comparative != null && comparative.matcher(Words.fold(sentence)).find();
    }

    /** Whether {@code text} (a paragraph so far, or a heading) holds a case-study cue. */
    public boolean tellsCaseStudy(String text) {
        return caseStudy.matcher(Words.fold(text)).find();
    }

    /** A case-insensitive pattern finding any of {@code phrases} as whole words; null for none. */
    private static Pattern wholeWords(List<String> phrases) {
        return phrases.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives(phrases)
                + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String alternatives(List<String> phrases) {
        List<String> quoted = new ArrayList<>();
        for (String p : phrases) {
            quoted.add(Pattern.quote(Words.fold(p).toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q"));
        }
        quoted.sort((a, b) -> Integer.compare(b.length(), a.length())); // longest first: "the former" before "the"
        return String.join("|", quoted);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (!n.asText().isBlank()) {
                out.add(n.asText());
            }
        });
        return out;
    }
}
