package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a question: which frameworks and languages it names, whether it refers back to the previous turn,
 * what kind of question it is and what it asks about. Rules only, so it is deterministic and needs no model;
 * the text is only ever searched, never obeyed, so "ignore your instructions…" is just words to look up.
 */
public final class QueryAnalyzer {

    /**
     * A language or platform, in lexicon-language terms ("TypeScript/JavaScript"), and how a question names it.
     * Every way the pattern matches spells one of {@code words} (lower case, ASCII, as the pattern's ASCII-only
     * case-insensitive match reads them), so a question whose lower-cased text holds none of them is not tried
     * against the pattern: most questions name no language, and the nine patterns cost more than the checks.
     */
    private record Language(String name, Pattern pattern, List<String> words) {
    }

    private static final List<Language> LANGUAGES = languages();

    private static List<Language> languages() {
        int ci = Pattern.CASE_INSENSITIVE;
        return List.of(
                new Language("Python", Pattern.compile("\\bpython(ic)?\\b", ci), List.of("python")),
                new Language("TypeScript/JavaScript", Pattern.compile("\\b(typescript|javascript|ts|js)\\b", ci),
                        List.of("typescript", "javascript", "ts", "js")),
                new Language("Java/JVM", Pattern.compile("\\b(java|jvm|kotlin)\\b", ci), List.of("java", "jvm", "kotlin")),
                new Language("C#/.NET", Pattern.compile("(\\bc#|\\bcsharp\\b|(?<![\\w.])\\.net\\b)", ci),
                        List.of("c#", "csharp", ".net")),
                new Language("Ruby", Pattern.compile("\\bruby\\b", ci), List.of("ruby")),
                new Language("PHP", Pattern.compile("\\bphp\\b", ci), List.of("php")),
                // "go" is also a verb: only as a language next to words that make it one
                new Language("Go", Pattern.compile("\\bgolang\\b|\\bgo\\b(?=[\\s-]+(devs?|developers?|engineers?|team|shop|services?"
                        + "|apis?|backends?|binar\\w*|frameworks?|code|programmers?|or|vs|and|microservices?)\\b)"
                        + "|(?<=\\b(in|use|using|vs|or|and|like|learn|with)\\s)go\\b(?!\\s+(with|for|to|ahead|back)\\b)", ci),
                        List.of("go")),
                new Language("Rust", Pattern.compile("\\brust\\b", ci), List.of("rust")),
                new Language("Elixir", Pattern.compile("\\b(elixir|erlang)\\b", ci), List.of("elixir", "erlang")));
    }

    private static final Pattern FOLLOW_UP_START = Pattern.compile(
            "^(and|but|also|so|ok|okay|then|what about|how about|what if|and if|and for|same for|why)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEW_REQUIREMENT = Pattern.compile(
            "^(what if|and if|and for|what about (a|an|if|when)|how about (a|an|if|when)|and we|but we|also,? we)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that only make sense after an earlier turn: "and its limitations?", "what about their docs?". */
    private static final Pattern DANGLING = Pattern.compile(
            "^(and|what about|how about|also|same for)\\b|\\b(its|their|theirs|that one|this one|the former|the latter)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN = Pattern.compile(
            "\\b(it|its|it's|it’s|they|them|their|theirs|that one|this one|those|these|either|both|each)\\b", Pattern.CASE_INSENSITIVE);
    /** Asking for a recommendation, as opposed to asking how something works. */
    private static final Pattern SCENARIO = Pattern.compile(
            "\\b(which|what) (backend )?(frameworks?|backends?|stack|one|language|should|tech)\\b|\\brecommend|\\bsuggest"
            + "|\\b(the )?best (backend |web )?(frameworks?|stack|choice|option|backend)\\b(?! (for|to) (learn|beginners))"
            + "|\\bshould (we|i) (use|pick|choose|go|build|start|adopt|switch|migrate)|\\bideas\\b|\\bneed (a|an) (new )?"
            + "(backend|framework|api|server|stack)|\\b(we're|we are|i'm|i am) (building|starting|a|an)\\b|\\bwhat to use\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEAKNESS = Pattern.compile(
            "\\b(weak\\w*|limitations?|limits|downsides?|drawbacks?|cons|bad at|problems?|pitfalls?|watch ?outs?|disadvantages?"
            + "|worst|risks?|concerns?|struggles?|trade-?offs? of|gotchas?|issues)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRENGTH = Pattern.compile(
            "\\b(strengths?|advantages?|pros|good at|features?|benefits?|why (use|choose|pick)|best at|great at)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIT = Pattern.compile(
            "\\b(use ?cases?|best for|good for|fits?|when (to|should \\w+) use|ideal|suited|used for)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OVERVIEW = Pattern.compile(
            "\\b(what (is|are|kind)|built on|relate|explain|tell me about|overview|what's)\\b", Pattern.CASE_INSENSITIVE);

    private final FrameworkLexicon lexicon;
    private final Set<String> covered;

    /**
     * @param lexicon the framework table
     * @param covered canonical names of the frameworks the corpus discusses
     */
    public QueryAnalyzer(FrameworkLexicon lexicon, Set<String> covered) {
        this.lexicon = lexicon;
        this.covered = Set.copyOf(covered);
    }

    /**
     * @param message  the question (not blank)
     * @param previous the previous turn of the session, or null
     */
    public AnalyzedQuery analyze(String message, PreviousTurn previous) {
        List<String> named = lexicon.names(message);
        List<String> frameworks = new ArrayList<>();
        List<String> notCovered = new ArrayList<>();
        for (String n : named) {
            (covered.contains(n) ? frameworks : notCovered).add(n);
        }
        List<String> languages = new ArrayList<>(languages(message));
        boolean platformOnly = !frameworks.isEmpty()
                && frameworks.stream().allMatch(f -> lexicon.find(f).map(Framework::platform).orElse(false));
        if (platformOnly && SCENARIO.matcher(message).find()) {
            // "we're a node shop… which framework?": the platform is the team's, the question is which framework
            for (String f : frameworks) {
                String language = lexicon.find(f).orElseThrow().language();
                if (!languages.contains(language)) {
                    languages.add(language);
                }
            }
            frameworks.clear();
        }
        Aspect focus = focus(message);
        String trimmed = message.trim();
        boolean followUp = previous != null && named.isEmpty() && isFollowUp(trimmed);
        String context = "";
        Intent intent;
        List<String> candidates = List.of();
        if (followUp) {
            context = previous.question();
            if (NEW_REQUIREMENT.matcher(trimmed).find() || previous.frameworks().isEmpty()) {
                candidates = previous.frameworks();
                intent = previous.frameworks().isEmpty() && !SCENARIO.matcher(context + " " + trimmed).find()
                        ? Intent.CONCEPT : Intent.SCENARIO;
                if (languages.isEmpty()) {
                    languages = languages(context);
                }
            } else {
                frameworks.addAll(previous.frameworks());
                intent = frameworks.size() >= 2 ? Intent.COMPARE : Intent.SINGLE;
            }
        } else if (frameworks.size() >= 2) {
            intent = Intent.COMPARE;
        } else if (frameworks.size() == 1) {
            intent = Intent.SINGLE;
        } else {
            intent = SCENARIO.matcher(trimmed).find() || (!languages.isEmpty() && !named.isEmpty()) ? Intent.SCENARIO : Intent.CONCEPT;
        }
        boolean dangling = previous == null && named.isEmpty() && DANGLING.matcher(trimmed).find();
        return new AnalyzedQuery(message, context, frameworks, notCovered, languages, intent, focus, followUp, candidates,
                dangling);
    }

    /** Canonical names of the covered frameworks {@code text} names, first named first. */
    public List<String> coveredNames(String text) {
        return lexicon.names(text).stream().filter(covered::contains).toList();
    }

    /** Canonical names of the covered frameworks written in one of {@code languages}, in lexicon order. */
    public List<String> frameworksFor(List<String> languages) {
        List<String> out = new ArrayList<>();
        for (Framework f : lexicon.frameworks()) {
            if (covered.contains(f.name()) && languages.contains(f.language())) {
                out.add(f.name());
            }
        }
        return out;
    }

    private static boolean isFollowUp(String message) {
        int words = Words.count(message); // the message is trimmed
        return FOLLOW_UP_START.matcher(message).find() || PRONOUN.matcher(message).find() || words <= 4;
    }

    static List<String> languages(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Language language : LANGUAGES) {
            if (mayName(lower, language.words()) && language.pattern().matcher(text).find()) {
                out.add(language.name());
            }
        }
        return out;
    }

    private static boolean mayName(String lower, List<String> words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static Aspect focus(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (WEAKNESS.matcher(m).find()) {
            return Aspect.WEAKNESS;
        }
        if (STRENGTH.matcher(m).find()) {
            return Aspect.STRENGTH;
        }
        if (FIT.matcher(m).find()) {
            return Aspect.FIT;
        }
        if (OVERVIEW.matcher(m).find()) {
            return Aspect.OVERVIEW;
        }
        return null;
    }
}
