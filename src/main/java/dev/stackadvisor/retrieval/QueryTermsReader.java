package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.index.KeywordIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Works out a question's words as the later stages use them ({@link QueryTerms}): its topic (cue words the corpus never
 * uses left out), the topic of a follow-up's context, per sentence naming a framework its own topic, the words the
 * question asks about when it also states things, and the known synonyms evidence is ranked on. Immutable.
 */
final class QueryTermsReader {

    /** Where a question's sentences end (after . ! or ?, before white space). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    /** Where a sentence or a label ends: after . ! ? or : and white space ("context: we're 5 devs"). */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?:])\\s+");

    private final FrameworkLexicon lexicon;
    private final KeywordIndex keyword;
    private final QuestionCues cues;
    private final TermStats stats;

    /**
     * @param lexicon the framework names (a sentence naming one of the question's frameworks has its own topic)
     * @param keyword the BM25 index, whose analyzer reads the words
     * @param cues    filler, framework terms and the focus words of each aspect
     * @param stats   which stems the corpus uses (cue words it never uses are not topic words)
     */
    QueryTermsReader(FrameworkLexicon lexicon, KeywordIndex keyword, QuestionCues cues, TermStats stats) {
        this.lexicon = lexicon;
        this.keyword = keyword;
        this.cues = cues;
        this.stats = stats;
    }

    /**
     * The question's words ({@link QueryTerms}).
     *
     * @param text       the question, names corrected
     * @param context    the previous question for a follow-up, else ""
     * @param reading    its cues
     * @param focus      the aspect asked, or null
     * @param frameworks the covered frameworks it is about
     * @param preferred  covered frameworks of the team's languages
     * @param compared   the compared language mentions ({@link LanguageCues#compared})
     */
    QueryTerms read(String text, String context, QuestionCues.Reading reading, Aspect focus, List<String> frameworks,
                    List<String> preferred, List<LanguageCues.Mention> compared) {
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
        List<String> evidenceTopic = new ArrayList<>(topic);
        for (String t : topic) {
            for (String syn : reading.synonyms().getOrDefault(t, List.of())) {
                if (stats.known(syn) && !evidenceTopic.contains(syn) && !cues.filler(syn)) {
                    evidenceTopic.add(syn);
                }
            }
        }
        return new QueryTerms(contextTerms, focusTerms, topic, gateTopic,
                sentenceTopics(text, frameworks, compared, unknownCues), cues.topic(current, reading.cueTerms()),
                evidenceTopic, preferred, asked(text, topic, unknownCues));
    }

    /** For a question naming covered frameworks, the topic of each sentence naming one (or comparing languages). */
    private List<List<String>> sentenceTopics(String text, List<String> frameworks, List<LanguageCues.Mention> compared,
                                              Set<String> unknownCues) {
        List<List<String>> out = new ArrayList<>();
        if (frameworks.isEmpty()) {
            return out;
        }
        // a sentence comparing languages is about the frameworks that stand for them
        int end = 0;
        for (String sentence : SENTENCE_END.split(text)) {
            int from = text.indexOf(sentence, end);
            int to = from + sentence.length();
            if (!Collections.disjoint(lexicon.names(sentence), frameworks)
                    || compared.stream().anyMatch(m -> m.start() >= from && m.end() <= to)) {
                out.add(cues.topic(keyword.terms(sentence), unknownCues));
            }
            end = to;
        }
        return out;
    }

    /**
     * A message of questions and statements: the questions are what is asked, the statements (and a label before a
     * colon: "context: 3 devs, all python. which…?") its context. The topic words of its questions, when it also states
     * something; else the whole topic.
     */
    private List<String> asked(String text, List<String> topic, Set<String> unknownCues) {
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
        return states && !asked.isEmpty() ? asked : topic;
    }
}
