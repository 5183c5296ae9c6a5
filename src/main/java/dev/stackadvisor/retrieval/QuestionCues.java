package dev.stackadvisor.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.QueryToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a question asks, read from data: {@code analysis/question-cues.json} names the synonyms groups
 * ({@code analysis/synonyms.txt}) that mark an aspect (watch-outs, strengths, fit, overview), a request for a
 * recommendation, or a kind of fact ({@link AnswerType}), and lists the filler and domain words. Everything is
 * analysed with the keyword index's own analyzer at start-up, so cues meet questions as stems. Immutable.
 */
public final class QuestionCues {

    /** The bundled cue file, on the classpath. */
    public static final String RESOURCE = "/analysis/question-cues.json";

    private record AspectCue(Aspect aspect, List<String> anchor, List<String> focusTerms) {
    }

    private final KeywordIndex keyword;
    private final List<AspectCue> aspects = new ArrayList<>();
    private final List<String> scenario;
    private final List<AnswerType> answerTypes = new ArrayList<>();
    private final Set<String> filler;
    private final Set<String> domain;
    private final Set<String> choice;
    private final List<String> reasonWords;
    private final Set<String> reasonTerms;
    private final Pattern reason;
    private final Set<String> frameworkTerms = new HashSet<>();

    /**
     * Reads {@link #RESOURCE}.
     *
     * @param keyword whose analyzers read the cues and the questions
     * @param lexicon framework aliases, which are never topic words
     * @throws IllegalStateException when the file is missing or malformed (an unknown aspect, a bad regex…)
     */
    public QuestionCues(KeywordIndex keyword, FrameworkLexicon lexicon) {
        this.keyword = keyword;
        JsonNode root = BundledJson.read(RESOURCE);
        for (JsonNode a : root.path("aspects")) {
            Aspect aspect;
            try {
                aspect = Aspect.valueOf(a.path("aspect").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ": unknown aspect " + a.path("aspect"), e);
            }
            aspects.add(new AspectCue(aspect, anchor(a), keyword.terms(a.path("focusWords").asText(""))));
        }
        scenario = keyword.terms(root.path("scenarioAnchor").asText());
        for (JsonNode t : root.path("answerTypes")) {
            try {
                answerTypes.add(new AnswerType(t.path("name").asText(), anchor(t), t.path("missing").asText("facts of that kind"),
                        Pattern.compile(t.path("fact").asText())));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(RESOURCE + ": answer type " + t.path("name") + " has a bad fact pattern", e);
            }
        }
        filler = Set.copyOf(keyword.terms(root.path("filler").asText("")));
        domain = Set.copyOf(keyword.terms(root.path("domain").asText("")));
        List<String> reasons = new ArrayList<>();
        root.path("reasonWords").forEach(w -> reasons.add(String.join(" ", WORDS.split(w.asText().toLowerCase(Locale.ROOT))).trim()));
        reasonWords = List.copyOf(reasons);
        Set<String> stems = new HashSet<>();
        reasons.forEach(w -> stems.addAll(keyword.terms(w)));
        reasonTerms = Set.copyOf(stems);
        try {
            reason = Pattern.compile(root.path("reasonPattern").asText("(?!)"));
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(RESOURCE + ": reasonPattern is not a regular expression", e);
        }
        choice = Set.copyOf(java.util.Arrays.asList(WORDS.split(root.path("choice").asText("").toLowerCase(Locale.ROOT).trim())));
        for (Framework f : lexicon.frameworks()) {
            for (String alias : f.aliases()) {
                List<String> terms = keyword.terms(alias);
                if (terms.size() == 1) {
                    // a one-word name; the words of a longer one ("fast api": "fast", "api") are ordinary words
                    // alone, and the phrase itself is read as a name by the lexicon
                    frameworkTerms.addAll(terms);
                }
            }
        }
        if (aspects.isEmpty() || scenario.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " needs aspects and a scenarioAnchor");
        }
    }

    private List<String> anchor(JsonNode cue) {
        List<String> terms = keyword.terms(cue.path("anchor").asText(""));
        if (terms.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": cue without an anchor (or one of stop words only): " + cue);
        }
        return terms;
    }

    /**
     * Reads the cues of a question.
     *
     * @param text the question (typos in framework names already corrected)
     */
    public Reading read(String text) {
        List<QueryToken> tokens = keyword.analyzeQuery(text);
        List<QueryToken> own = tokens.stream().filter(t -> !t.synonym()).toList();
        Map<Span, Set<String>> added = addedBySpan(tokens);
        List<int[]> cueSpans = new ArrayList<>();
        Aspect aspect = null;
        for (AspectCue cue : aspects) {
            if (aspect == null && find(cue.anchor(), added, own, cueSpans)) {
                aspect = cue.aspect();
            }
        }
        boolean scenarioCue = find(scenario, added, own, cueSpans);
        AnswerType type = null;
        for (AnswerType t : answerTypes) {
            if (find(t.anchor(), added, own, cueSpans) && type == null) {
                type = t;
            }
        }
        Set<String> cueTerms = new HashSet<>();
        boolean reason = asksReason(text);
        for (QueryToken t : own) {
            // "why", "the reason" say what kind of answer is asked, not what it is about
            if (within(t, cueSpans) || (reason && reasonTerms.contains(t.term()))) {
                cueTerms.add(t.term());
            }
        }
        // The field's synonyms of own words (cue groups excluded: they say what is asked, not about what), for a
        // phrase ("online shop", "high-speed") or a word the corpus never uses ("k8s", "perf"): a word the
        // articles use is searched as itself, as BM25 was tuned on.
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        // every own word's synonyms, known words' too: what answer selection counts as the word being covered
        Map<String, List<String>> expansions = new LinkedHashMap<>();
        for (QueryToken s : tokens) {
            if (!s.synonym() || within(s, cueSpans)) {
                continue;
            }
            List<QueryToken> span = own.stream().filter(t -> t.start() >= s.start() && t.end() <= s.end()).toList();
            boolean searchedAsItself = span.size() == 1 && keyword.documentFrequency(span.get(0).term()) > 0;
            for (QueryToken t : span) {
                if (!t.term().equals(s.term())) {
                    add(expansions, t.term(), s.term());
                    if (!searchedAsItself) {
                        add(synonyms, t.term(), s.term());
                    }
                }
            }
        }
        List<String> terms = own.stream().map(QueryToken::term).toList();
        boolean domainWord = terms.stream().anyMatch(domain::contains);
        return new Reading(terms, aspect, scenarioCue, type, cueTerms, synonyms, domainWord, expansions, asksChoice(text),
                reason);
    }

    private static void add(Map<String, List<String>> map, String term, String synonym) {
        List<String> list = map.computeIfAbsent(term, k -> new ArrayList<>());
        if (!list.contains(synonym)) {
            list.add(synonym);
        }
    }

    /** A span of the question text that the synonyms file added terms for. */
    private record Span(int start, int end) {
    }

    /** The terms the synonyms file added, by the span of question text they stand for, in text order. */
    private static Map<Span, Set<String>> addedBySpan(List<QueryToken> tokens) {
        Map<Span, Set<String>> bySpan = new LinkedHashMap<>();
        for (QueryToken t : tokens) {
            if (t.synonym()) {
                bySpan.computeIfAbsent(new Span(t.start(), t.end()), k -> new HashSet<>()).add(t.term());
            }
        }
        return bySpan;
    }

    /**
     * Whether the anchor is among the tokens: all its terms added at one span by the synonyms (the user said a
     * synonym of it), or its terms consecutive among the user's own words (the user said it). Records the span.
     */
    private static boolean find(List<String> anchor, Map<Span, Set<String>> added, List<QueryToken> own, List<int[]> spans) {
        boolean found = false;
        for (Map.Entry<Span, Set<String>> e : added.entrySet()) {
            if (e.getValue().containsAll(anchor)) {
                spans.add(new int[] {e.getKey().start(), e.getKey().end()});
                found = true;
            }
        }
        for (int i = 0; i + anchor.size() <= own.size(); i++) {
            boolean match = true;
            for (int j = 0; j < anchor.size() && match; j++) {
                match = own.get(i + j).term().equals(anchor.get(j));
            }
            if (match) {
                spans.add(new int[] {own.get(i).start(), own.get(i + anchor.size() - 1).end()});
                found = true;
            }
        }
        return found;
    }

    private static boolean within(QueryToken t, List<int[]> spans) {
        for (int[] s : spans) {
            if (t.start() >= s[0] && t.end() <= s[1]) {
                return true;
            }
        }
        return false;
    }

    /** Words that carry no topic ("which", "best", "framework"…), analysed. */
    public boolean filler(String term) {
        return filler.contains(term);
    }

    /**
     * Whether the question holds a word that asks for a choice ("or", "vs", "which", "better"…: {@code choice} in
     * {@link #RESOURCE}), as a whole word, case aside. With two or more frameworks named, such a question weighs
     * them; without, it asks one thing about them.
     */
    public boolean asksChoice(String text) {
        for (String w : WORDS.split(text.toLowerCase(Locale.ROOT))) {
            if (choice.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the question asks why ({@code reasonWords}: "why", "how come"…, as whole words, case aside). */
    public boolean asksReason(String text) {
        String words = " " + String.join(" ", WORDS.split(text.toLowerCase(Locale.ROOT))) + " ";
        for (String w : reasonWords) {
            if (!w.isEmpty() && words.contains(" " + w + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sentence gives a reason ({@code reasonPattern}: "because", "thanks to"…). */
    public boolean givesReason(String sentence) {
        return reason.matcher(sentence).find();
    }

    /** What separates words for {@link #asksChoice}: anything but letters and digits. */
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Whether an analysed term is part of a framework's name or alias. */
    public boolean frameworkTerm(String term) {
        return frameworkTerms.contains(term);
    }

    /** The focus words of an aspect, analysed: added to the keyword query of a question with that aspect. */
    public List<String> focusTerms(Aspect aspect) {
        for (AspectCue c : aspects) {
            if (c.aspect() == aspect) {
                return c.focusTerms();
            }
        }
        return List.of();
    }

    /**
     * Analysed words of a question minus framework names, filler and {@code exclude} (its cue words), repeats
     * removed, in order; numbers, one-letter words and tokens without a letter (emoji) are not topics.
     */
    public List<String> topic(List<String> terms, Set<String> exclude) {
        List<String> out = new ArrayList<>();
        for (String t : terms) {
            // numbers, one-letter words and tokens without a letter (emoji, symbols) are not topics
            boolean noise = t.length() < 2 || t.codePoints().noneMatch(Character::isLetter);
            if (!noise && !filler.contains(t) && !frameworkTerms.contains(t) && !exclude.contains(t) && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The cues of one question.
     *
     * @param terms      the user's own analysed words, in order (as {@link KeywordIndex#terms})
     * @param aspect     what is asked about the frameworks, or null
     * @param scenario   it asks for a recommendation ("which framework…", "recommend")
     * @param answerType the kind of fact it asks for, or null
     * @param cueTerms   own words that only say what is asked (an aspect, a recommendation, a kind of fact)
     * @param synonyms   for own words of a phrase or unknown to the corpus, the field's synonyms the synonyms file
 *                   adds ("k8" → kubernet, kube)
     * @param domainWord it holds a word of the software domain ("api", "backend"…)
     * @param expansions for every own word the synonyms file has a group for (cue groups aside), the other members'
     *                   stems ("fast" → perform, speed…): what counts as the word when coverage is measured
     * @param choice     it holds a word asking for a choice ({@link #asksChoice})
     * @param reason     it asks why ({@link #asksReason})
     */
    public record Reading(List<String> terms, Aspect aspect, boolean scenario, AnswerType answerType,
                          Set<String> cueTerms, Map<String, List<String>> synonyms, boolean domainWord,
                          Map<String, List<String>> expansions, boolean choice, boolean reason) {
        public Reading {
            terms = List.copyOf(terms);
            cueTerms = Set.copyOf(cueTerms);
            synonyms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(synonyms));
            expansions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expansions));
        }

        /** A reading without expansions (a hand-made query in a test). */
        public Reading(List<String> terms, Aspect aspect, boolean scenario, AnswerType answerType,
                       Set<String> cueTerms, Map<String, List<String>> synonyms, boolean domainWord) {
            this(terms, aspect, scenario, answerType, cueTerms, synonyms, domainWord, synonyms, false, false);
        }
    }
}
