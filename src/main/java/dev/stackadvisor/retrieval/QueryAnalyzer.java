package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Words;
import dev.stackadvisor.index.DenseIndex;
import dev.stackadvisor.index.KeywordIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a question, once per turn (later stages read its result), in parts: what it names ({@link Mentions}:
 * frameworks, misspelt ones corrected, languages, compared languages as the frameworks that stand for them); its cues
 * (cue words and synonyms from data, {@link QuestionCues}; in hybrid mode, the nearest example phrasing,
 * {@link Prototypes}); whether it follows the previous turn and what it takes from it ({@link FollowUps}); what kind
 * of question it is ({@link IntentReader}); its words as the later stages use them ({@link QueryTermsReader}); and,
 * in hybrid mode, its embedding. Deterministic; the text is only ever searched, never obeyed, so "ignore your
 * instructions…" is just words to look up.
 */
public final class QueryAnalyzer {

    private final FrameworkLexicon lexicon;
    private final KeywordIndex keyword;
    private final QuestionCues cues;
    private final DenseIndex dense;
    private final Prototypes prototypes;
    private final Mentions mentions;
    private final FollowUps followUps;
    private final IntentReader intents;
    private final QueryTermsReader terms;

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
     * @throws IllegalStateException when a bundled data file ({@link FollowUps#RESOURCE}) is missing or malformed
     */
    public QueryAnalyzer(FrameworkLexicon lexicon, Map<String, Integer> covered, KeywordIndex keyword, QuestionCues cues,
                         LanguageCues languageCues, TermStats stats, DenseIndex dense, Prototypes prototypes,
                         AnalysisTuning tuning) {
        this.lexicon = lexicon;
        this.keyword = keyword;
        this.cues = cues;
        this.dense = dense;
        this.prototypes = prototypes;
        this.mentions = new Mentions(lexicon, covered, keyword, cues, languageCues, tuning.frameworksPerLanguage());
        this.followUps = new FollowUps(cues, languageCues);
        this.intents = new IntentReader(prototypes);
        this.terms = new QueryTermsReader(lexicon, keyword, cues, stats);
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
        return analyze(message, previous, true);
    }

    /**
     * Reads a question as a new one is read, its embedding always computed by the model and never cached
     * ({@link DenseIndex#embed(String, boolean)}): for the warm-up, which must run what a question never seen runs and
     * leave the query cache to real questions.
     *
     * @param message the question (not blank)
     */
    public AnalyzedQuery rehearse(String message) {
        return analyze(message, null, false);
    }

    private AnalyzedQuery analyze(String message, PreviousTurn previous, boolean cachedEmbedding) {
        String text = mentions.correct(message);
        QuestionCues.Reading reading = cues.read(text);
        float[] vector = dense == null ? null : dense.embed(embeddingText(text), cachedEmbedding).vector();
        Aspect focus = reading.aspect();
        if (focus == null && prototypes != null) {
            focus = prototypes.aspect(vector);
        }
        Mentions.Found found = mentions.read(text, reading, focus, previous != null);
        String trimmed = text.trim();
        boolean followUp = previous != null && found.named().isEmpty() && followUps.refersBack(trimmed);
        FollowUps.Turn turn = followUp ? followUps.merge(trimmed, previous, reading, found.languages())
                : new FollowUps.Turn("", found.frameworks(), found.languages(), List.of(), intents.read(found, reading, vector));
        boolean dangling = previous == null && found.named().isEmpty() && followUps.dangling(trimmed, this::topical);
        QueryTerms words = terms.read(text, turn.context(), reading, focus, turn.frameworks(),
                mentions.frameworksFor(turn.languages()), found.compared());
        return new AnalyzedQuery(text, turn.context(), turn.frameworks(), found.notCovered(), turn.languages(),
                turn.intent(), focus, followUp, turn.candidates(), dangling, reading, vector, words);
    }

    /** Whether some text holds a topic word (not filler, not a name). */
    private boolean topical(String text) {
        return !cues.topic(keyword.terms(text), Set.of()).isEmpty();
    }

    /**
     * What hybrid retrieval embeds for a question: the text with every framework name cut out (white space
     * folded), or the text itself when no topic word would be left.
     */
    public String embeddingText(String text) {
        StringBuilder b = new StringBuilder(text);
        List<FrameworkLexicon.Mention> named = lexicon.mentions(text);
        for (int i = named.size() - 1; i >= 0; i--) {
            b.delete(named.get(i).start(), named.get(i).end());
        }
        String rest = Words.fold(b.toString()).trim();
        return topical(rest) ? rest : text;
    }

    /** Canonical names of the covered frameworks {@code text} names, first named first. */
    public List<String> coveredNames(String text) {
        return mentions.coveredNames(text);
    }

    /** Canonical names of the covered frameworks written in one of {@code languages}, in lexicon order. */
    public List<String> frameworksFor(List<String> languages) {
        return mentions.frameworksFor(languages);
    }
}
