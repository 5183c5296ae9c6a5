package dev.stackadvisor.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of framework names and aliases, used both to tag passages and to read questions.
 * Whether the corpus covers a framework is not decided here but by the passages tagged with it: a name the
 * lexicon knows and no passage names (Hono, Next.js, Svelte…) is how the service recognises "not covered".
 *
 * <p>Matching is case-insensitive on whole words ("express" does not match "expressive"); where aliases
 * overlap the longest wins ("ASP.NET Core" over ".NET"). The table is data: {@code analysis/frameworks.json}
 * on the classpath, or a corpus directory's own {@code frameworks.json} (see {@link #load(Path)}); to add a
 * framework, add a row there.
 */
public final class FrameworkLexicon {

    /** The bundled lexicon, on the classpath. */
    public static final String RESOURCE = "/analysis/frameworks.json";
    /** A corpus directory's own lexicon, which replaces the bundled one. */
    public static final String FILE_NAME = "frameworks.json";

    /** A framework found in a text: canonical name and the char span that named it. */
    public record Mention(String framework, int start, int end) {
    }

    private final List<Framework> frameworks;
    private final Map<String, Framework> byName = new LinkedHashMap<>();
    private final Pattern pattern;
    private final Map<String, String> aliasToName = new LinkedHashMap<>();

    /** The bundled lexicon ({@link #RESOURCE}). */
    public FrameworkLexicon() {
        this(bundled());
    }

    /**
     * The lexicon for a corpus: its directory's {@code frameworks.json} when there is one, else the bundled one.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a lexicon (JSON error, a row without name or aliases, an
     *                                  alias of two frameworks), naming the file
     */
    public static FrameworkLexicon load(Path corpusDir) {
        Path file = corpusDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new FrameworkLexicon();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new FrameworkLexicon(parse(in, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Framework> bundled() {
        try (InputStream in = FrameworkLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The rows of a lexicon file: {@code {"frameworks": [{"name", "language", "aliases", "platform"?, "commonWords"?}]}}. */
    static List<Framework> parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<Framework> out = new ArrayList<>();
        for (JsonNode row : root.path("frameworks")) {
            String name = row.path("name").asText("");
            List<String> aliases = strings(row.path("aliases"));
            if (name.isBlank() || aliases.isEmpty()) {
                throw new IllegalArgumentException(source + ": every framework needs a name and at least one alias: " + row);
            }
            List<String> common = strings(row.path("commonWords"));
            if (!aliases.containsAll(common)) {
                throw new IllegalArgumentException(source + ": commonWords of " + name + " must be among its aliases");
            }
            out.add(new Framework(name, row.path("language").asText(""), aliases, row.path("platform").asBoolean(false),
                    common));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + " lists no frameworks");
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * @param frameworks the table; an alias must belong to one framework only
     * @throws IllegalArgumentException when two frameworks share an alias
     */
    public FrameworkLexicon(List<Framework> frameworks) {
        this.frameworks = List.copyOf(frameworks);
        for (Framework f : frameworks) {
            byName.put(f.name(), f);
            for (String alias : f.aliases()) {
                String previous = aliasToName.put(alias.toLowerCase(Locale.ROOT), f.name());
                if (previous != null && !previous.equals(f.name())) {
                    throw new IllegalArgumentException("alias '" + alias + "' names both " + previous + " and " + f.name());
                }
            }
        }
        Set<String> stated = new LinkedHashSet<>(aliasToName.keySet());
        for (Framework f : frameworks) {
            for (String alias : f.aliases()) {
                for (String variant : spellings(alias)) {
                    aliasToName.putIfAbsent(variant, f.name()); // an alias a row states wins over a derived spelling
                }
            }
        }
        // the derived spellings are matched by the optional suffix below, not as alternatives of their own: a
        // pattern three times as long would slow every mention lookup of segmenting and question reading
        List<String> aliases = new ArrayList<>(stated);
        aliases.sort(Comparator.comparingInt(String::length).reversed());
        // Grouped by first character, each group behind a look-ahead for that character: at a word start only the
        // aliases that can begin there are tried (one cheap test per group instead of one per alias: the regex was
        // 7 % of a request's Java time under load, docs/benchmarks.md). Two groups never accept the same character,
        // so the grouping changes no match; within a group the longest still comes first.
        Map<Character, StringBuilder> groups = new LinkedHashMap<>();
        for (String alias : aliases) {
            // the first character as the case-insensitive match folds it (Pattern's UNICODE_CASE: upper, then lower)
            char first = Character.toLowerCase(Character.toUpperCase(alias.charAt(0)));
            StringBuilder group = groups.computeIfAbsent(first, c -> new StringBuilder());
            if (!group.isEmpty()) {
                group.append('|');
            }
            group.append(Pattern.quote(alias).replace(" ", "\\E\\s+\\Q"));
        }
        StringBuilder alternation = new StringBuilder();
        groups.forEach((first, group) -> {
            if (!alternation.isEmpty()) {
                alternation.append('|');
            }
            alternation.append("(?=").append(Pattern.quote(String.valueOf(first))).append(")(?:").append(group).append(')');
        });
        // Longest alternative first, so "asp.net core" wins over ".net"; no letter or digit may touch a match.
        pattern = Pattern.compile("(?<![A-Za-z0-9])(?<base>" + alternation + ")(?:\\.js|\\s+js|js)?(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The usual other spellings of a one-word alias, as JavaScript projects are named: "elysia" is also written
     * "elysia.js", "elysiajs" and "elysia js". Aliases with a space, dot or digit are taken as written.
     */
    static List<String> spellings(String alias) {
        String a = alias.toLowerCase(Locale.ROOT);
        if (!a.matches("\\p{L}{3,}") || a.endsWith("js")) {
            return List.of();
        }
        return List.of(a + ".js", a + "js", a + " js");
    }

    /** All frameworks of the table, in table order. */
    public List<Framework> frameworks() {
        return frameworks;
    }

    /** The framework with this canonical name (case-insensitive), or any alias of it. */
    public Optional<Framework> find(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        String key = nameOrAlias.trim().toLowerCase(Locale.ROOT);
        String name = aliasToName.get(key);
        if (name == null) {
            name = byName.keySet().stream().filter(n -> n.equalsIgnoreCase(key)).findFirst().orElse(null);
        }
        return Optional.ofNullable(name).map(byName::get);
    }

    /** Every framework named in {@code text}, in order of appearance, overlapping aliases resolved. */
    public List<Mention> mentions(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String name = aliasToName.get(Words.fold(m.group().toLowerCase(Locale.ROOT)));
            int end = m.end();
            if (name == null) {
                // "js" after an alias that has no such spelling ("asp.net core js"): the alias alone
                name = aliasToName.get(Words.fold(m.group("base").toLowerCase(Locale.ROOT)));
                end = m.end("base");
            }
            if (name != null) {
                out.add(new Mention(name, m.start(), end));
            }
        }
        return out;
    }

    /** Canonical names named in {@code text}, first appearance first, without repeats. */
    public List<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (Mention mention : mentions(text)) {
            names.add(mention.framework());
        }
        return List.copyOf(names);
    }

    /**
     * True when {@code text} is framework names and little else: "Express.js", "Go Frameworks (Gin/Fiber)",
     * "Gin / Fiber (Go)". Such list items are recommendations whose meaning is in their heading.
     */
    public boolean isJustNames(String text) {
        List<Mention> found = mentions(text);
        if (found.isEmpty()) {
            return false;
        }
        StringBuilder rest = new StringBuilder(text);
        for (int i = found.size() - 1; i >= 0; i--) {
            rest.delete(found.get(i).start(), found.get(i).end());
        }
        return rest.toString().replaceAll("(?i)\\b(go|golang|frameworks?|backend)\\b|[()/,.;:\\s-]", "").isEmpty();
    }

    /**
     * The framework spelled at the very start of {@code text}, with no word boundary required after it
     * (flattened tables glue cells together: "Spring BootEnterprise systems…").
     *
     * @return the mention (start 0) of the longest alias that prefixes the text, if any
     */
    public Optional<Mention> prefix(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Mention best = null;
        for (Map.Entry<String, String> e : aliasToName.entrySet()) {
            String alias = e.getKey();
            if (lower.startsWith(alias) && (best == null || alias.length() > best.end())) {
                best = new Mention(e.getValue(), 0, alias.length());
            }
        }
        return Optional.ofNullable(best);
    }
}
