package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How questions name languages and platforms, read from {@code analysis/languages.json}: per language (in
 * lexicon-language terms, "TypeScript/JavaScript") a pattern and the words it can spell. Immutable and thread-safe.
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

    private final List<Language> languages;

    private LanguageCues(List<Language> languages) {
        this.languages = List.copyOf(languages);
    }

    /**
     * Reads {@link #RESOURCE}.
     *
     * @throws IllegalStateException when it is missing or malformed (no languages, a language without words, a bad
     *                               pattern)
     * @throws UncheckedIOException  when it cannot be read
     */
    public static LanguageCues bundled() {
        try (InputStream in = LanguageCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
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
        if (languages.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no languages");
        }
        return new LanguageCues(languages);
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
