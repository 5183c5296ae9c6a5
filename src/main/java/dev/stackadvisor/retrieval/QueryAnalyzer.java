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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question, once per turn (later stages read its result): framework names, typos in them corrected
 * ({@link NameSpeller}); languages ({@link LanguageCues}): a language compared with another named thing ("node or
 * go") is read as the frameworks that stand for it ({@link #standIns}), one named on its own is the team's, a
 * preference within a scenario; whether it refers back to the previous turn; what kind of question it is;
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
    /** Per language, its covered frameworks that stand for it when it is compared ({@link #standIns}). */
    private final Map<String, List<String>> standIns;
    private final LanguageCues languageCues;
    private final KeywordIndex keyword;
    private final QuestionCues cues;
    private final NameSpeller speller;
    private final DenseIndex dense;
    private final Prototypes prototypes;
    private final TermStats stats;
    /** Where a question's sentences end (after . ! or ?, before white space). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    /** Where a sentence or a label ends: after . ! ? or : and white space ("context: we're 5 devs"). */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?:])\\s+");

    /**
     * @param lexicon      the framework table
     * @param covered      the frameworks the corpus discusses: canonical name → how many passages are about it
     *                     ({@code Corpus#passagesPerFramework})
     * @param keyword      the BM25 index, whose analyzers read questions (and whose vocabulary tells ordinary words
     *                     from misspelt names)
     * @param cues         what marks an aspect, a recommendation or a kind of fact
     * @param languageCues how languages are named, and when named things are compared
     * @param stats        which stems the corpus uses (cue words it never uses are not topic words)
     * @param dense        the dense index to embed questions with, null in keyword mode
     * @param prototypes   example phrasings per aspect, null in keyword mode
     * @param tuning       {@link AnalysisTuning#frameworksPerLanguage}: how many frameworks stand for a compared language
     */
    public QueryAnalyzer(FrameworkLexicon lexicon, Map<String, Integer> covered, KeywordIndex keyword, QuestionCues cues,
                         LanguageCues languageCues, TermStats stats, DenseIndex dense, Prototypes prototypes,
                         AnalysisTuning tuning) {
        this.stats = stats;
        this.lexicon = lexicon;
        this.covered = Set.copyOf(covered.keySet());
        this.languageCues = languageCues;
        this.standIns = standIns(lexicon, covered, tuning.frameworksPerLanguage());
        this.keyword = keyword;
        this.cues = cues;
        this.dense = dense;
        this.prototypes = prototypes;
        this.speller = new NameSpeller(lexicon, this::ordinaryWord);
    }

    /**
     * Per language of the lexicon, the covered frameworks that stand for it when a question compares it ("go or
     * rust"): its frameworks, platforms (runtimes such as Node.js) left out, most passages first (the lexicon's order
     * between equals), at most {@code perLanguage}. The corpus discusses a language through the frameworks it writes
     * most about, so comparing those compares the language at the level the sources do; a framework with few
     * passages would add a side the answer has little to quote for.
     */
    static Map<String, List<String>> standIns(FrameworkLexicon lexicon, Map<String, Integer> covered, int perLanguage) {
        Map<String, List<Framework>> byLanguage = new LinkedHashMap<>();
        for (Framework f : lexicon.frameworks()) {
            if (!f.platform() && covered.containsKey(f.name())) {
                byLanguage.computeIfAbsent(f.language(), l -> new ArrayList<>()).add(f);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byLanguage.forEach((language, fs) -> out.put(language, fs.stream()
                .sorted(Comparator.comparingInt((Framework f) -> covered.get(f.name())).reversed()) // stable: lexicon order
                .limit(perLanguage).map(Framework::name).toList()));
        return Map.copyOf(out);
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
        List<LanguageCues.Mention> languageMentions = languageCues.mentions(text);
        List<String> languageNames = languageCues.names(languageMentions);
        float[] vector = dense == null ? null : dense.embed(embeddingText(text)).vector();
        Aspect focus = reading.aspect();
        if (focus == null && prototypes != null) {
            focus = prototypes.aspect(vector);
        }
        List<FrameworkLexicon.Mention> mentions = new ArrayList<>();
        List<String> named = names(text, reading, focus, languageNames, previous != null, mentions);
        List<LanguageCues.Mention> compared = languageCues.compared(text, languageMentions,
                mentions.stream().map(m -> new LanguageCues.Side(m.start(), m.end())).toList());
        List<String> frameworks = new ArrayList<>();
        List<String> notCovered = new ArrayList<>();
        List<String> languages = new ArrayList<>(languageNames);
        if (!compared.isEmpty()) {
            named = withStandIns(mentions, compared, notCovered);
            // a language compared wherever it is named is a side, not the team's
            languages.removeIf(l -> languageMentions.stream().filter(m -> m.language().equals(l)).allMatch(compared::contains));
        }
        for (String n : named) {
            (covered.contains(n) ? frameworks : notCovered).add(n);
        }
        boolean platformOnly = compared.isEmpty() && !frameworks.isEmpty()
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
        QueryTerms terms = terms(text, context, reading, focus, frameworks, languages, compared);
        return new AnalyzedQuery(text, context, frameworks, notCovered, languages, intent, focus, followUp, candidates,
                dangling, reading, vector, terms);
    }

    /** The question's words as the later stages use them ({@link QueryTerms}). */
    private QueryTerms terms(String text, String context, QuestionCues.Reading reading, Aspect focus,
                             List<String> frameworks, List<String> languages, List<LanguageCues.Mention> compared) {
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
            // a sentence comparing languages is about the frameworks that stand for them
            int end = 0;
            for (String sentence : SENTENCE_END.split(text)) {
                int from = text.indexOf(sentence, end);
                int to = from + sentence.length();
                if (!Collections.disjoint(lexicon.names(sentence), frameworks)
                        || compared.stream().anyMatch(m -> m.start() >= from && m.end() <= to)) {
                    sentenceTopics.add(cues.topic(keyword.terms(sentence), unknownCues));
                }
                end = to;
            }
        }
        List<String> evidenceTopic = new ArrayList<>(topic);
        // a message of questions and statements: the questions are what is asked, the statements (and a label before
        // a colon: "context: 3 devs, all python. which…?") its context
        List<String> asked = new ArrayList<>();
        boolean states = false;
        for (String sentence : CLAUSE_END.split(text.strip())) {
            if (sentence.strip().endsWith("?")) {
                cues.topic(keyword.terms(sentence), unknownCues).stream().filter(topic::contains)
                        .filter(t -> !asked.contains(t)).forEach(asked::add);
            } else if (!cues.topic(keyword.terms(sentence), unknownCues).isEmpty()) {
                states = true;
            }
        }
        for (String t : topic) {
            for (String syn : reading.synonyms().getOrDefault(t, List.of())) {
                if (stats.known(syn) && !evidenceTopic.contains(syn) && !cues.filler(syn)) {
                    evidenceTopic.add(syn);
                }
            }
        }
        return new QueryTerms(contextTerms, focusTerms, topic, gateTopic, sentenceTopics,
                cues.topic(current, reading.cueTerms()), evidenceTopic, frameworksFor(languages),
                states && !asked.isEmpty() ? asked : topic);
    }

    /**
     * The frameworks a question names, first named first. An alias that is also an ordinary word ("express",
     * "spring", "echo") names its framework only where the question speaks of software (another name, a
     * language, a domain word, an aspect asked such as "cons", an earlier turn), where the question holds a word the
     * corpus uses only in passages about that framework ("martini" beside "gin": the corpus ties it to Gin), or where
     * it does not modify the word after it: "express delivery", "spring cleaning" and "echo chamber" name nothing.
     */
    private List<String> names(String text, QuestionCues.Reading reading, Aspect aspect, List<String> languages,
                               boolean conversation, List<FrameworkLexicon.Mention> naming) {
        List<FrameworkLexicon.Mention> mentions = lexicon.mentions(text);
        boolean software = mentions.size() > 1 || !languages.isEmpty() || reading.domainWord() || aspect != null
                || conversation;
        Set<String> out = new LinkedHashSet<>();
        for (FrameworkLexicon.Mention m : mentions) {
            String alias = Words.fold(text.substring(m.start(), m.end())).toLowerCase(Locale.ROOT);
            boolean common = lexicon.find(m.framework()).map(f -> f.commonWords().contains(alias)).orElse(false);
            if (!common || software || !modifiesNext(text, m.end()) || tiedByCorpus(text, m.framework())) {
                out.add(m.framework());
                naming.add(m);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether the question holds a content word (not filler, not a name) that the corpus uses, and only in passages
     * about {@code framework}: then the corpus itself says the question is about it. Asked only for an ordinary-word
     * alias outside a software context, so one BM25 lookup per such word.
     */
    private boolean tiedByCorpus(String text, String framework) {
        for (String t : cues.topic(keyword.terms(text), Set.of())) {
            int df = keyword.documentFrequency(t);
            if (df == 0) {
                continue;
            }
            List<dev.stackadvisor.index.ScoredPassage> with = keyword.search(java.util.Map.of(t, 1.0), null, df);
            if (!with.isEmpty() && with.stream().allMatch(p -> p.passage().isAbout(framework))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names of a question that compares languages, in text order: a framework or platform as itself, a compared
     * language as its {@link #standIns} ("node or go" → Node.js, Gin, Fiber). A compared language the corpus covers no
     * framework of is added to {@code notCovered} by its own name.
     *
     * @param mentions the framework mentions that name something ({@link #names}), in text order
     * @param compared the compared language mentions ({@link LanguageCues#compared})
     */
    private List<String> withStandIns(List<FrameworkLexicon.Mention> mentions, List<LanguageCues.Mention> compared,
                                      List<String> notCovered) {
        record At(int start, List<String> names) {
        }
        List<At> all = new ArrayList<>();
        mentions.forEach(m -> all.add(new At(m.start(), List.of(m.framework()))));
        for (LanguageCues.Mention m : compared) {
            List<String> picks = standIns.getOrDefault(m.language(), List.of());
            if (picks.isEmpty() && !notCovered.contains(m.language())) {
                notCovered.add(m.language());
            }
            all.add(new At(m.start(), picks));
        }
        all.sort(Comparator.comparingInt(At::start));
        Set<String> out = new LinkedHashSet<>();
        all.forEach(a -> out.addAll(a.names()));
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
