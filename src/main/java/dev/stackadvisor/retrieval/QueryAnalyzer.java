package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Words;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.QueryToken;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question, once per turn (later stages read its result): framework names, typos in them corrected
 * ({@link NameSpeller}); languages; whether it refers back to the previous turn; what kind of question it is;
 * what it asks about (cue words and synonyms from data, {@link QuestionCues}; in hybrid mode, the nearest
 * example phrasing, {@link Prototypes}); which kind of fact it wants, if any; and, in hybrid mode, its
 * embedding. Deterministic; the text is only ever searched, never obeyed, so "ignore your instructions…" is
 * just words to look up.
 */
public final class QueryAnalyzer {

    /** The word right after a name: white space, then letters (punctuation in between ends the phrase). */
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+(\\p{L}[\\p{L}'-]*)");
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
    private final FrameworkLexicon lexicon;
    private final Set<String> covered;
    private final LanguageCues languageCues;
    private final KeywordIndex keyword;
    private final QuestionCues cues;
    private final NameSpeller speller;
    private final DenseIndex dense;
    private final Prototypes prototypes;
    private final TermStats stats;
    /** Where a question's sentences end (after . ! or ?, before white space). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /**
     * @param lexicon    the framework table
     * @param covered    canonical names of the frameworks the corpus discusses
     * @param keyword    the BM25 index, whose analyzers read questions (and whose vocabulary tells ordinary words
     *                   from misspelt names)
     * @param cues       what marks an aspect, a recommendation or a kind of fact
     * @param languages  how questions name languages
     * @param stats      which stems the corpus uses (cue words it never uses are not topic words)
     * @param dense      the dense index to embed questions with, null in keyword mode
     * @param prototypes example phrasings per aspect, null in keyword mode
     */
    public QueryAnalyzer(FrameworkLexicon lexicon, Set<String> covered, KeywordIndex keyword, QuestionCues cues,
                         LanguageCues languages, TermStats stats, DenseIndex dense, Prototypes prototypes) {
        this.languageCues = languages;
        this.stats = stats;
        this.lexicon = lexicon;
        this.covered = Set.copyOf(covered);
        this.keyword = keyword;
        this.cues = cues;
        this.dense = dense;
        this.prototypes = prototypes;
        this.speller = new NameSpeller(lexicon, this::ordinaryWord);
    }

    /**
     * The aspect ({@code aspects}) or intent example phrasing nearest to a question vector, for diagnostics; null
     * in keyword mode.
     */
    public Prototypes.Match nearestPrototype(float[] vector, boolean aspects) {
        return prototypes == null ? null : prototypes.nearest(vector, aspects);
    }

    /** The cue vocabulary questions are read with. */
    public QuestionCues cues() {
        return cues;
    }

    /**
     * A word the corpus uses (by its stem), a filler word, or one the synonyms file knows: never a misspelt name.
     * A word that stems to a name and is at most one letter longer ("laravell") is the name misspelt.
     */
    private boolean ordinaryWord(String word) {
        List<String> terms = keyword.terms(word);
        if (terms.isEmpty()) {
            return true; // a stop word
        }
        String stem = terms.get(0);
        if (cues.frameworkTerm(stem) && word.length() - stem.length() <= 1) {
            return false; // "laravell" stems to "laravel": a name with one letter too many, not a word
        }
        return keyword.documentFrequency(stem) > 0 || cues.filler(stem)
                || keyword.analyzeQuery(word).stream().anyMatch(QueryToken::synonym);
    }

    /**
     * The query transformer: reads a question once, and a follow-up that {@code rewriter} (an LLM) restates as a
     * standalone question is read as restated, when the restatement still names every framework the rules found.
     *
     * @param message  the question (not blank)
     * @param previous the previous turn of the session, or null
     * @param rewriter null, or what restates a follow-up; asked only for a follow-up
     */
    public AnalyzedQuery transform(String message, PreviousTurn previous, FollowUpRewriter rewriter) {
        AnalyzedQuery query = analyze(message, previous);
        if (!query.followUp() || rewriter == null) {
            return query;
        }
        return rewriter.rewrite(message)
                .map(standalone -> analyze(standalone, null))
                .filter(q -> q.frameworks().containsAll(query.frameworks()))
                .orElse(query);
    }

    /**
     * Reads a question (no rewriting).
     *
     * @param message  the question (not blank)
     * @param previous the previous turn of the session, or null
     */
    public AnalyzedQuery analyze(String message, PreviousTurn previous) {
        String text = speller.correct(message, lexicon);
        QuestionCues.Reading reading = cues.read(text);
        List<String> languageNames = languageCues.names(text);
        float[] vector = dense == null ? null : dense.embed(embeddingText(text)).vector();
        Aspect focus = reading.aspect();
        if (focus == null && prototypes != null) {
            focus = prototypes.aspect(vector);
        }
        List<String> named = names(text, reading, focus, languageNames, previous != null);
        List<String> frameworks = new ArrayList<>();
        List<String> notCovered = new ArrayList<>();
        for (String n : named) {
            (covered.contains(n) ? frameworks : notCovered).add(n);
        }
        List<String> languages = new ArrayList<>(languageNames);
        boolean platformOnly = !frameworks.isEmpty()
                && frameworks.stream().allMatch(f -> lexicon.find(f).map(Framework::platform).orElse(false));
        if (platformOnly && reading.scenario()) {
            // "we're a node shop… which framework?": the platform is the team's, the question is which framework
            for (String f : frameworks) {
                String language = lexicon.find(f).orElseThrow().language();
                if (!languages.contains(language)) {
                    languages.add(language);
                }
            }
            frameworks.clear();
        }
        String trimmed = text.trim();
        boolean followUp = previous != null && named.isEmpty() && isFollowUp(trimmed);
        String context = "";
        Intent intent;
        List<String> candidates = List.of();
        if (followUp) {
            context = previous.question();
            if (NEW_REQUIREMENT.matcher(trimmed).find() || previous.frameworks().isEmpty()) {
                candidates = previous.frameworks();
                intent = previous.frameworks().isEmpty() && !reading.scenario() && !cues.read(context).scenario()
                        ? Intent.CONCEPT : Intent.SCENARIO;
                if (languages.isEmpty()) {
                    languages = languageCues.names(context);
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
            intent = reading.scenario() || (!languages.isEmpty() && !named.isEmpty()) ? Intent.SCENARIO
                    : prototypes != null && prototypes.intent(vector) == Intent.SCENARIO ? Intent.SCENARIO : Intent.CONCEPT;
        }
        boolean dangling = previous == null && named.isEmpty() && dangling(trimmed);
        QueryTerms terms = terms(text, context, reading, focus, frameworks, languages);
        return new AnalyzedQuery(text, context, frameworks, notCovered, languages, intent, focus, followUp, candidates,
                dangling, reading, vector, terms);
    }

    /** The question's words as the later stages use them ({@link QueryTerms}). */
    private QueryTerms terms(String text, String context, QuestionCues.Reading reading, Aspect focus,
                             List<String> frameworks, List<String> languages) {
        List<String> current = reading.terms();
        List<String> contextTerms = context.isEmpty() ? List.of() : keyword.terms(context);
        List<String> focusTerms = focus == null ? List.of() : cues.focusTerms(focus);
        // cue words the corpus never uses ("cons", "upsides") say only what is asked: the aspect carries them;
        // those it uses ("limitations", "features") also match the articles' own headings, so they stay
        Set<String> unknownCues = new HashSet<>();
        for (String t : reading.cueTerms()) {
            if (!stats.known(t)) {
                unknownCues.add(t);
            }
        }
        List<String> topic = cues.topic(current, unknownCues);
        // a follow-up is judged with the question it follows: "what if staff must edit records?" is in scope
        // because the conversation is
        List<String> gateTopic = new ArrayList<>(topic);
        for (String t : cues.topic(contextTerms, Set.of())) {
            if (!gateTopic.contains(t)) {
                gateTopic.add(t);
            }
        }
        List<List<String>> sentenceTopics = new ArrayList<>();
        if (!frameworks.isEmpty()) {
            for (String sentence : SENTENCE_END.split(text)) {
                if (!Collections.disjoint(lexicon.names(sentence), frameworks)) {
                    sentenceTopics.add(cues.topic(keyword.terms(sentence), unknownCues));
                }
            }
        }
        List<String> evidenceTopic = new ArrayList<>(topic);
        for (String t : topic) {
            for (String syn : reading.synonyms().getOrDefault(t, List.of())) {
                if (stats.known(syn) && !evidenceTopic.contains(syn) && !cues.filler(syn)) {
                    evidenceTopic.add(syn);
                }
            }
        }
        return new QueryTerms(contextTerms, focusTerms, topic, gateTopic, sentenceTopics,
                cues.topic(current, reading.cueTerms()), evidenceTopic, frameworksFor(languages));
    }

    /**
     * The frameworks a question names, first named first. An alias that is also an ordinary word ("express",
     * "spring", "echo") names its framework only where the question speaks of software (another name, a
     * language, a domain word, an aspect asked such as "cons", an earlier turn) or where it does not
     * modify the word after it: "express delivery", "spring cleaning" and "echo chamber" name nothing.
     */
    private List<String> names(String text, QuestionCues.Reading reading, Aspect aspect, List<String> languages,
                               boolean conversation) {
        List<FrameworkLexicon.Mention> mentions = lexicon.mentions(text);
        boolean software = mentions.size() > 1 || !languages.isEmpty() || reading.domainWord() || aspect != null
                || conversation;
        Set<String> out = new LinkedHashSet<>();
        for (FrameworkLexicon.Mention m : mentions) {
            String alias = Words.fold(text.substring(m.start(), m.end())).toLowerCase(Locale.ROOT);
            boolean common = lexicon.find(m.framework()).map(f -> f.commonWords().contains(alias)).orElse(false);
            if (!common || software || !modifiesNext(text, m.end())) {
                out.add(m.framework());
            }
        }
        return List.copyOf(out);
    }

    /** Whether the word right after {@code end} is a content word the name would modify ("delivery"). */
    private boolean modifiesNext(String text, int end) {
        Matcher next = NEXT_WORD.matcher(text).region(end, text.length());
        if (!next.lookingAt()) {
            return false;
        }
        List<String> terms = keyword.terms(next.group(1));
        return !terms.isEmpty() && !cues.filler(terms.get(0));
    }

    /**
     * Whether the question refers to something said before it: it opens with "and", "what about"…, or it says
     * "its"/"their"… before any topic word could be what that refers to ("what should a 3 person startup build its
     * api on" refers to the startup; "its weaknesses?" to nothing).
     */
    private boolean dangling(String text) {
        Matcher m = DANGLING.matcher(text);
        return m.find() && (m.start() == 0 || cues.topic(keyword.terms(text.substring(0, m.start())), Set.of()).isEmpty());
    }

    /**
     * What hybrid retrieval embeds for a question: the text with every framework name cut out (white space
     * folded), or the text itself when no topic word would be left.
     */
    public String embeddingText(String text) {
        StringBuilder b = new StringBuilder(text);
        List<FrameworkLexicon.Mention> mentions = lexicon.mentions(text);
        for (int i = mentions.size() - 1; i >= 0; i--) {
            b.delete(mentions.get(i).start(), mentions.get(i).end());
        }
        String rest = Words.fold(b.toString()).trim();
        return cues.topic(keyword.terms(rest), Set.of()).isEmpty() ? text : rest;
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
}
