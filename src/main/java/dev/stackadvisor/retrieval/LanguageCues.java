package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How questions name languages and platforms, and when named things are compared, read from
 * {@code analysis/languages.json}: per language (in lexicon-language terms, "TypeScript/JavaScript") a pattern and the
 * words it can spell; the connectives that join two compared things ("or", "vs"); and the words that make such a group
 * the team's instead ("our", "shop"). Immutable and thread-safe.
 */
public final class LanguageCues {

    /** The bundled file, on the classpath. */
    public static final String RESOURCE = "/analysis/languages.json";

    /**
     * A language and how a question names it. Every way the pattern matches spells one of {@code words} (lower case,
     * ASCII, as the pattern's ASCII-only case-insensitive match reads them), so a question whose lower-cased text holds
     * none of them at a word start is not tried: most questions name no language, and the patterns cost more than
     * the checks.
     */
    private record Language(String name, Pattern pattern, List<String> words) {
    }

    /** A language named in a text: the lexicon's language name and the char span that named it. */
    public record Mention(String language, int start, int end) {
    }

    /** Something a question names, a language or a framework, by its char span. */
    public record Side(int start, int end) {
    }

    /** Anything that is not a letter, digit, apostrophe or space: punctuation between names ("vs.", "(or"). */
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}'\\s]+");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'-]*");

    private final List<Language> languages;
    private final Set<String> connectives;
    private final List<String> teamBefore;
    private final Set<String> teamAfter;

    private LanguageCues(List<Language> languages, Set<String> connectives, List<String> teamBefore, Set<String> teamAfter) {
        this.languages = List.copyOf(languages);
        this.connectives = Set.copyOf(connectives);
        this.teamBefore = List.copyOf(teamBefore);
        this.teamAfter = Set.copyOf(teamAfter);
    }

    /**
     * Reads {@link #RESOURCE}.
     *
     * @throws IllegalStateException when it is missing or malformed (no languages, a language without words, a bad
     *                               pattern, no connectives)
     * @throws UncheckedIOException  when it cannot be read
     */
    public static LanguageCues bundled() {
        return parse(BundledJson.read(RESOURCE));
    }

    private static LanguageCues parse(JsonNode root) {
        List<Language> languages = new ArrayList<>();
        for (JsonNode l : root.path("languages")) {
            String name = l.path("name").asText("");
            List<String> words = strings(l.path("words"));
            if (name.isBlank() || words.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": every language needs a name and words: " + l);
            }
            try {
                languages.add(new Language(name, Pattern.compile(l.path("pattern").asText(), Pattern.CASE_INSENSITIVE), words));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(RESOURCE + ": language " + name + " has a bad pattern", e);
            }
        }
        JsonNode comparison = root.path("comparison");
        List<String> connectives = strings(comparison.path("connectives")).stream().map(LanguageCues::between).toList();
        if (languages.isEmpty() || connectives.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " needs languages and comparison connectives");
        }
        return new LanguageCues(languages, Set.copyOf(connectives),
                strings(comparison.path("teamBefore")).stream().map(LanguageCues::between).toList(),
                Set.copyOf(strings(comparison.path("teamAfter"))));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The languages {@code text} names, in file order, each once. */
    public List<String> names(String text) {
        return names(mentions(text));
    }

    /** The languages of some {@link #mentions}, in file order, each once. */
    public List<String> names(List<Mention> mentions) {
        List<String> out = new ArrayList<>();
        for (Language language : languages) {
            if (mentions.stream().anyMatch(m -> m.language().equals(language.name()))) {
                out.add(language.name());
            }
        }
        return out;
    }

    /** Every place {@code text} names a language, in text order. */
    public List<Mention> mentions(String text) {
        List<Mention> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Language language : languages) {
            if (mayName(lower, language.words())) {
                Matcher m = language.pattern().matcher(text);
                while (m.find()) {
                    out.add(new Mention(language.name(), m.start(), m.end()));
                }
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    /**
     * The language mentions of {@code text} that are sides of a comparison: in a run of named things (languages and
     * {@code others}, the frameworks and platforms the question names) joined by connectives ("node or go", "python vs.
     * ts"), or by commas in a run that has a connective ("java, go or rust"), unless the words before the run end
     * with a team word ("our") or the word after it is one ("shop"). A language mention inside another's span ("go"
     * in "go fiber") is not a side.
     *
     * @param languages the language mentions of {@code text}, from {@link #mentions}
     * @param others    spans of the other things the question names
     * @return the compared language mentions, in text order
     */
    public List<Mention> compared(String text, List<Mention> languages, List<Side> others) {
        if (languages.isEmpty() || languages.size() + others.size() < 2) {
            return List.of();
        }
        List<Side> sides = new ArrayList<>(others);
        for (Mention m : languages) {
            if (others.stream().noneMatch(o -> o.start() < m.end() && m.start() < o.end())) {
                sides.add(new Side(m.start(), m.end()));
            }
        }
        sides.sort(Comparator.comparingInt(Side::start).thenComparingInt(Side::end));
        List<Mention> out = new ArrayList<>();
        int first = 0;
        boolean joined = false;
        for (int i = 1; i <= sides.size(); i++) {
            String gap = i < sides.size() && sides.get(i).start() >= sides.get(i - 1).end()
                    ? between(text.substring(sides.get(i - 1).end(), sides.get(i).start())) : null;
            if (gap != null && connectives.contains(gap)) {
                joined = true;
            } else if (gap == null || !gap.isEmpty()) {
                // the run sides[first, i) ends here
                if (joined && !team(text, sides.get(first).start(), sides.get(i - 1).end())) {
                    for (Mention m : languages) {
                        if (sides.subList(first, i).contains(new Side(m.start(), m.end()))) {
                            out.add(m);
                        }
                    }
                }
                first = i;
                joined = false;
            }
        }
        return out;
    }

    /** Whether the run of sides from {@code start} to {@code end} is said to be the team's. */
    private boolean team(String text, int start, int end) {
        String before = " " + between(text.substring(0, start));
        for (String w : teamBefore) {
            if (before.endsWith(" " + w)) {
                return true;
            }
        }
        Matcher next = WORD.matcher(text).region(end, text.length());
        return next.find() && text.substring(end, next.start()).isBlank()
                && teamAfter.contains(next.group().toLowerCase(Locale.ROOT));
    }

    /** Text between two names as compared with the connectives: lower case, punctuation dropped, spaces folded. */
    private static String between(String text) {
        String s = PUNCTUATION.matcher(text.replace('’', '\'').toLowerCase(Locale.ROOT)).replaceAll(" ");
        return s.replaceAll("\\s+", " ").trim();
    }

    /**
     * Whether one of {@code words} starts at a word start of {@code lower} (no letter, digit or '_' before it):
     * every match of a language pattern begins so, at a word boundary; "go" inside "django" or "mongo" does not
     * run the Go pattern, whose look-behind is tried at every position.
     */
    private static boolean mayName(String lower, List<String> words) {
        for (String w : words) {
            for (int i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
                if (i == 0 || !isWordChar(lower.codePointBefore(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A word character as {@code \b} reads one (without UNICODE_CHARACTER_CLASS). */
    private static boolean isWordChar(int c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
