package dev.stackadvisor.corpus;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds names the documents discuss as frameworks but the lexicon lacks, for a start-up warning: a maintainer
 * adds them to {@code frameworks.json} or lets them be. A name is a word with a capital letter ("Nitro",
 * "tRPC") standing where prose puts a framework: "X is a … framework", "the X framework", "frameworks such as
 * X, Y and Z". Languages the lexicon lists are not frameworks.
 */
final class UnknownNames {

    private static final String NAME = "((?:[A-Za-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+[A-Za-z0-9]*)(?:[.-][A-Za-z0-9]+)*)";
    /** The name opens the sentence or a clause: "Core" in "ASP.NET Core is a framework" is not a name alone. */
    private static final Pattern IS_A = Pattern.compile("(?:^|[,;(] )" + NAME
            + " (?:is|was|remains) (?:an? |the )(?:[\\w-]+ ){0,4}(?:framework|microframework|web framework)\\b");
    private static final Pattern THE_X_FRAMEWORK = Pattern.compile("\\bthe " + NAME + " (?:web )?framework\\b");
    private static final Pattern SUCH_AS = Pattern.compile(
            "\\bframeworks?,? (?:like|such as|including) ((?:" + NAME + "(?:, | and | or |, and |, or )?){1,8})");
    private static final Pattern LIST_NAME = Pattern.compile(NAME);
    /** How many names the warning lists at most. */
    static final int MAX_LISTED = 20;

    private final FrameworkLexicon lexicon;
    private final Set<String> languages = new HashSet<>();

    UnknownNames(FrameworkLexicon lexicon) {
        this.lexicon = lexicon;
        for (Framework f : lexicon.frameworks()) {
            for (String part : f.language().split("[/ ]")) {
                languages.add(part.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The warning, when some sentence discusses an unknown name as a framework. */
    Optional<String> find(List<Passage> passages) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Passage p : passages) {
            for (Sentence s : p.sentences()) {
                String q = s.quote();
                if (!q.contains("framework")) {
                    continue; // every pattern below needs the word: most sentences are passed over at once
                }
                collect(IS_A.matcher(q), 1, counts);
                collect(THE_X_FRAMEWORK.matcher(q), 1, counts);
                Matcher list = SUCH_AS.matcher(q);
                while (list.find()) {
                    collect(LIST_NAME.matcher(list.group(1)), 0, counts);
                }
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        String listed = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_LISTED).map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
        return Optional.of("documents discuss as frameworks names the lexicon lacks: " + listed
                + "; add them to frameworks.json to tag and answer about them");
    }

    private void collect(Matcher m, int group, Map<String, Integer> counts) {
        while (m.find()) {
            String name = m.group(group);
            if (name != null && lexicon.names(name).isEmpty() && !languages.contains(name.toLowerCase(Locale.ROOT))
                    && !COMMON.contains(name.toLowerCase(Locale.ROOT))) {
                counts.merge(name, 1, Integer::sum);
            }
        }
    }

    /** Capitalised words that open a sentence or a list rather than name something. */
    private static final Set<String> COMMON = Set.of("it", "this", "that", "the", "a", "an", "and", "or", "its",
            "their", "our", "your", "each", "every", "any", "one", "other", "others", "many", "most", "some");
}
