package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.corpus.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Follow-ups: whether a question refers to the turn before it, and what it then takes from that turn. The phrases that
 * say so are data ({@link #RESOURCE}). Immutable and thread-safe.
 */
final class FollowUps {

    /** The bundled phrases, on the classpath. */
    static final String RESOURCE = "/analysis/follow-ups.json";

    /**
     * What a question asks once the previous turn is taken into account.
     *
     * @param context    the previous question for a follow-up, else ""
     * @param frameworks the covered frameworks it is about (for a follow-up, those of the previous answer)
     * @param languages  the team's languages (a follow-up adding a requirement keeps the previous question's)
     * @param candidates for a follow-up adding a requirement, the frameworks the previous answer was about
     * @param intent     the kind of question
     */
    record Turn(String context, List<String> frameworks, List<String> languages, List<String> candidates, Intent intent) {
    }

    private final Pattern followUpOpening;
    private final Pattern referring;
    private final int maxWords;
    private final Pattern newRequirement;
    private final Pattern dangling;
    private final QuestionCues cues;
    private final LanguageCues languageCues;

    /**
     * Reads {@link #RESOURCE}.
     *
     * @param cues         whether the previous question asked for a recommendation
     * @param languageCues the languages the previous question named
     * @throws IllegalStateException when the file is missing or a list is empty
     */
    FollowUps(QuestionCues cues, LanguageCues languageCues) {
        this.cues = cues;
        this.languageCues = languageCues;
        JsonNode root = BundledJson.read(RESOURCE);
        followUpOpening = Pattern.compile("^" + phrases(root.path("followUp"), "opening") + "\\b", Pattern.CASE_INSENSITIVE);
        referring = Pattern.compile("\\b" + phrases(root.path("followUp"), "referring") + "\\b", Pattern.CASE_INSENSITIVE);
        maxWords = root.path("followUp").path("maxWords").asInt(0);
        newRequirement = Pattern.compile("^" + phrases(root.path("newRequirement"), "opening") + "\\b",
                Pattern.CASE_INSENSITIVE);
        dangling = Pattern.compile("^" + phrases(root.path("dangling"), "opening") + "\\b|\\b"
                + phrases(root.path("dangling"), "referring") + "\\b", Pattern.CASE_INSENSITIVE);
    }

    /** One group matching any of the phrases of {@code section.key}, each literally. */
    private static String phrases(JsonNode section, String key) {
        List<String> out = new ArrayList<>();
        section.path(key).forEach(p -> out.add(Pattern.quote(p.asText())));
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no phrases in " + key + " of " + section);
        }
        return out.stream().collect(Collectors.joining("|", "(?:", ")"));
    }

    /**
     * Whether a question that names nothing refers back to the previous turn: it opens with "and", "what about"…,
     * holds "it", "their"…, or is short.
     *
     * @param trimmed the question, trimmed
     */
    boolean refersBack(String trimmed) {
        return followUpOpening.matcher(trimmed).find() || referring.matcher(trimmed).find()
                || Words.count(trimmed) <= maxWords;
    }

    /**
     * Whether a question refers to something said before it though there is no earlier turn: it opens with "and",
     * "what about"…, or says "its"/"their"… before any topic word could be what that refers to.
     *
     * @param trimmed the question, trimmed
     * @param topical whether a piece of text holds a topic word
     */
    boolean dangling(String trimmed, Predicate<String> topical) {
        Matcher m = dangling.matcher(trimmed);
        return m.find() && (m.start() == 0 || !topical.test(trimmed.substring(0, m.start())));
    }

    /**
     * A follow-up merged with the turn it follows. One that adds a requirement ("what if we also need…"), or follows a
     * turn about no framework, keeps the earlier scenario: its frameworks stay candidates, its languages hold when this
     * one names none, and it asks for a recommendation (SCENARIO) unless neither turn asked for one and nothing was
     * recommended (CONCEPT). Any other follow-up is about the previous turn's frameworks (COMPARE for two or more, else
     * SINGLE).
     *
     * @param trimmed   the question, trimmed; it names no framework
     * @param previous  the previous turn
     * @param reading   the question's cues
     * @param languages the team's languages this question names
     */
    Turn merge(String trimmed, PreviousTurn previous, QuestionCues.Reading reading, List<String> languages) {
        String context = previous.question();
        if (newRequirement.matcher(trimmed).find() || previous.frameworks().isEmpty()) {
            Intent intent = previous.frameworks().isEmpty() && !reading.scenario() && !cues.read(context).scenario()
                    ? Intent.CONCEPT : Intent.SCENARIO;
            return new Turn(context, List.of(), languages.isEmpty() ? languageCues.names(context) : languages,
                    previous.frameworks(), intent);
        }
        List<String> frameworks = previous.frameworks();
        return new Turn(context, frameworks, languages, List.of(), frameworks.size() >= 2 ? Intent.COMPARE : Intent.SINGLE);
    }
}
