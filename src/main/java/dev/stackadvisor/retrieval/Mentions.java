package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Words;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.QueryToken;
import dev.stackadvisor.index.ScoredPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question names: frameworks, misspelt ones corrected ({@link NameSpeller}), an alias that is also an ordinary
 * word only in a software context; languages ({@link LanguageCues}), a language compared with another named thing
 * ("node or go") read as the frameworks that stand for it ({@link #standIns}), one named on its own as the team's; a
 * platform named alone in a scenario ("we're a node shop… which framework?") as the team's language. Immutable.
 */
final class Mentions {

    /** The word right after a name: white space, then letters (punctuation in between ends the phrase). */
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+(\\p{L}[\\p{L}'-]*)");

    /**
     * What a question names.
     *
     * @param named      every framework it names, covered or not, compared languages as their stand-ins, in text order
     * @param frameworks the covered ones among them, unless only platforms are named in a scenario
     * @param notCovered the others, and a compared language no covered framework stands for, by its own name
     * @param languages  the team's languages (file order), then the languages of platforms named alone in a scenario
     * @param compared   the compared language mentions, in text order
     */
    record Found(List<String> named, List<String> frameworks, List<String> notCovered, List<String> languages,
                 List<LanguageCues.Mention> compared) {
    }

    private final FrameworkLexicon lexicon;
    private final Set<String> covered;
    /** Per language, its covered frameworks that stand for it when it is compared ({@link #standIns}). */
    private final Map<String, List<String>> standIns;
    private final LanguageCues languageCues;
    private final KeywordIndex keyword;
    private final QuestionCues cues;
    private final NameSpeller speller;

    /**
     * @param lexicon      the framework table
     * @param covered      the frameworks the corpus discusses: canonical name → how many passages are about it
     * @param keyword      the BM25 index (whose vocabulary tells ordinary words from misspelt names)
     * @param cues         filler words, framework terms
     * @param languageCues how languages are named, and when named things are compared
     * @param perLanguage  how many frameworks stand for a compared language
     */
    Mentions(FrameworkLexicon lexicon, Map<String, Integer> covered, KeywordIndex keyword, QuestionCues cues,
             LanguageCues languageCues, int perLanguage) {
        this.lexicon = lexicon;
        this.covered = Set.copyOf(covered.keySet());
        this.standIns = standIns(lexicon, covered, perLanguage);
        this.languageCues = languageCues;
        this.keyword = keyword;
        this.cues = cues;
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

    /** The question with each misspelt framework name replaced by the alias it misspells ({@link NameSpeller}). */
    String correct(String message) {
        return speller.correct(message, lexicon);
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
     * Reads what a question names.
     *
     * @param text         the question, names corrected
     * @param reading      its cues
     * @param focus        the aspect it asks about, or null
     * @param conversation whether the session has an earlier turn
     */
    Found read(String text, QuestionCues.Reading reading, Aspect focus, boolean conversation) {
        List<LanguageCues.Mention> languageMentions = languageCues.mentions(text);
        List<String> languageNames = languageCues.names(languageMentions);
        List<FrameworkLexicon.Mention> mentions = new ArrayList<>();
        List<String> named = names(text, reading, focus, languageNames, conversation, mentions);
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
        return new Found(named, frameworks, notCovered, languages, compared);
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
            List<ScoredPassage> with = keyword.search(Map.of(t, 1.0), null, df);
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

    /** Canonical names of the covered frameworks {@code text} names, first named first. */
    List<String> coveredNames(String text) {
        return lexicon.names(text).stream().filter(covered::contains).toList();
    }

    /** Canonical names of the covered frameworks written in one of {@code languages}, in lexicon order. */
    List<String> frameworksFor(List<String> languages) {
        List<String> out = new ArrayList<>();
        for (Framework f : lexicon.frameworks()) {
            if (covered.contains(f.name()) && languages.contains(f.language())) {
                out.add(f.name());
            }
        }
        return out;
    }
}
