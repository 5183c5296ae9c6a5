package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.corpus.Words;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.retrieval.RankedPassage;
import dev.stackadvisor.retrieval.TermSet;
import dev.stackadvisor.retrieval.TermStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Chooses the sentences an extractive answer quotes. A claim's relevance to the question is the IDF-weighted
 * share of the question's topic words it holds (its heading included); in hybrid mode how close its embedding
 * is to the question's adds a smaller term, {@code meaning = clamp((cosine − floor) / span, 0, 1)} (MiniLM puts
 * unrelated sentences near 0.1–0.25 and paraphrases above 0.6). Meaning orders the candidates but never lets
 * a sentence pass as "the" answer on its own. Its score, weights from {@link ComposerTuning} (the {@code composer}
 * section of {@code analysis/tuning.json}, which gives each value and why):
 * <pre>  relevanceWeight × relevance + meaningWeight × meaning + (its passage's fused score ÷ the best one)
 *      + focusWeight × focus (1 when it names the framework asked alone, sharedFocus among others)
 *      + tableCellBonus for a table cell when the question has no topic words (the article's own verdict)
 *      + ratingBonus for a table rating that matches the question
 *      − penalties: per extra framework it is about, when the framework asked is not its first subject,
 *        past longWords and veryLongWords, for a bare list of names, for a question</pre>
 * A claim only its heading about several frameworks ties to the framework asked ranks below every claim about it
 * squarely. A sentence whose subject is a reference is quoted with what it refers to ({@link Discourse}); a
 * case study is only ever chosen as one ({@link #caseStudy}).
 * Ties go to the earlier passage and sentence, so the choice is deterministic. Short list items are quoted
 * with up to two neighbours of the same list; a bare "Yes." or "FastAPI." with the sentence that says why.
 *
 * <p>Cost: an answer asks for a dozen or more lines, each weighing every sentence of a framework's evidence. What
 * does not depend on the question (a sentence's word count, whether it is a bare list of names, shares a line,
 * the span and analysed terms of the claim it makes) is worked out once per passage and kept; what depends on
 * the question (relevance, similarity) once per question ({@link Question}). Thread-safe.
 */
final class ClaimPicker {

    private static final Pattern YES_NO = Pattern.compile("(?i)^(yes|no)\\b.*");
    /** Framework-independent spans are filed under this key (no framework name is empty). */
    private static final String ANY = "";

    private final KeywordIndex keyword;
    private final Corpus corpus;
    private final FrameworkLexicon lexicon;
    private final SentenceVectors vectors;
    private final TermStats stats;
    private final Discourse discourse;
    private final ComposerTuning tuning;
    private final Map<String, Set<String>> claimTerms = new ConcurrentHashMap<>();
    /** Per passage id: what its sentences are, independent of any question. */
    private final Map<String, PassageFacts> facts = new ConcurrentHashMap<>();
    /** Sentence key → ordinal, for the per-question similarity memo; built once from the corpus. */
    private final Map<String, Integer> ordinals = new HashMap<>();
    /** Sentence embeddings by ordinal (null entries for sentences without one); empty in keyword mode. */
    private final float[][] sentenceVectors;

    ClaimPicker(KeywordIndex keyword, Corpus corpus, SentenceVectors vectors, TermStats stats, Discourse discourse,
                ComposerTuning tuning) {
        this.keyword = keyword;
        this.discourse = discourse;
        this.tuning = tuning;
        this.corpus = corpus;
        this.lexicon = corpus.lexicon();
        this.vectors = vectors;
        this.stats = stats;
        for (Passage p : corpus.passages()) {
            for (Sentence s : p.sentences()) {
                ordinals.putIfAbsent(s.key(), ordinals.size());
            }
        }
        sentenceVectors = new float[vectors == null ? 0 : ordinals.size()][];
        if (vectors != null) {
            ordinals.forEach((key, i) -> sentenceVectors[i] = vectors.vector(key));
        }
        for (Passage p : corpus.passages()) {
            facts(p);
        }
    }

    /**
     * The analysed stems of a claim as stated plus those of its heading, cached: a list item such as
     * "Faster initial development" means what it means because it sits under "Advantages of Monolithic
     * Architecture".
     */
    Set<String> terms(Claim c) {
        return claimTerms.computeIfAbsent(c.key(), k -> TermSet.of(termsOf(c.display(), c.passage())));
    }

    private Set<String> termsOf(String display, Passage p) {
        Set<String> terms = new HashSet<>(keyword.terms(display));
        terms.addAll(keyword.terms(p.section()));
        return terms;
    }

    /** The analysed stems of any text. */
    Set<String> termsOf(String text) {
        return new HashSet<>(keyword.terms(text));
    }

    /** Share (IDF-weighted, 0..1) of the topic words a claim holds; 0 for an empty topic. */
    double wordRelevance(Claim c, Question q) {
        return q.topic().isEmpty() ? 0 : stats.coverage(q.topic(), terms(c));
    }

    /** How many different topic words a claim holds. */
    int matched(Claim c, Question q) {
        return stats.matched(q.topic(), terms(c));
    }

    /** Word relevance, 0..1 (see {@link #wordRelevance}). */
    double relevance(Claim c, Question q) {
        return wordRelevance(c, q);
    }

    private double relevance(Span span, Question q) {
        if (q.topic().isEmpty()) {
            return 0;
        }
        return coverage(span, q).share();
    }

    private int matched(Span span, Question q) {
        return coverage(span, q).matched();
    }

    /** Relevance and matched count of a span, worked out together once per question. */
    private TermStats.Coverage coverage(Span span, Question q) {
        return q.coverageMemo().computeIfAbsent(span, x -> stats.measure(q.topic(), q.weights(stats), x.terms));
    }

    /** Meaning relevance, 0..1: 0 in keyword mode and for a question without topic words. */
    private double meaning(Span span, Question q) {
        if (vectors == null || q.vector() == null || q.topic().isEmpty()) {
            return 0;
        }
        double[] memo = q.similarityMemo(sentenceVectors.length);
        double cosine = Double.NEGATIVE_INFINITY;
        for (int ordinal : span.ordinals) {
            double sim = Double.NaN;
            if (ordinal >= 0) {
                sim = memo[ordinal];
                if (sim == Question.NOT_YET) {
                    float[] v = sentenceVectors[ordinal];
                    sim = v == null ? Double.NaN : SentenceVectors.dot(q.vector(), v);
                    memo[ordinal] = sim;
                }
            }
            if (!Double.isNaN(sim)) {
                cosine = Math.max(cosine, sim);
            }
        }
        return Math.max(0, Math.min(1, (cosine - tuning.meaningFloor()) / tuning.meaningSpan()));
    }

    /**
     * The best claim among {@code ranked} passages.
     *
     * @param framework    when not null, only sentences about this framework
     * @param aspects      when not null, only sentences with one of these aspects
     * @param used         keys of sentences already quoted in the answer ({@link Claim#sentenceKeys()}), to skip
     * @param minRelevance only claims at least this relevant, or (when above 0) holding two different topic words
     */
    Optional<Claim> best(List<RankedPassage> ranked, String framework, Set<Aspect> aspects, Question q,
                         Set<String> used, double minRelevance) {
        return best(ranked, framework, aspects, q, used, minRelevance, false);
    }

    /**
     * The claim sentence {@code index} of {@code passage} makes when quoted (with the sentences it leans on, a list
     * window, or a bare answer's reason, by the same rules as {@link #best}), asked for {@code framework} (or none);
     * empty when it cannot be quoted on its own, is a fragment, or overlaps {@code used}.
     *
     * @param score the passage's fused retrieval score, shown in the citation
     */
    Optional<Claim> claimAt(Passage passage, int index, String framework, double score, Set<String> used) {
        Span c = facts(passage).span(index, framework);
        if (c.words < tuning.minClaimWords() || anyUsed(c.keys, used)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(c.first, c.last, c.display, passage, score));
    }

    /**
     * The best case study among {@code ranked} passages: a narrative about one user of {@code framework} (see
     * {@link Discourse#tellsCaseStudy}), evidence rather than a claim of its own; parameters as {@link #best}.
     */
    Optional<Claim> caseStudy(List<RankedPassage> ranked, String framework, Question q, Set<String> used,
                              double minRelevance) {
        return best(ranked, framework, null, q, used, minRelevance, true);
    }

    private Optional<Claim> best(List<RankedPassage> ranked, String framework, Set<Aspect> aspects, Question q,
                                 Set<String> used, double minRelevance, boolean caseStudies) {
        double top = ranked.isEmpty() ? 1 : Math.max(1e-9, ranked.get(0).score());
        boolean overviewOnly = framework != null && aspects != null && aspects.size() == 1
                && aspects.contains(Aspect.OVERVIEW);
        Span best = null;
        RankedPassage bestFrom = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestTier = -1;
        for (RankedPassage r : ranked) {
            List<Sentence> sentences = r.passage().sentences();
            PassageFacts pf = facts(r.passage());
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                if (framework != null && !s.subjects().contains(framework)) {
                    continue;
                }
                if (aspects != null && !aspects.contains(s.aspect())) {
                    continue;
                }
                if (overviewOnly && !s.subjects().get(0).equals(framework)) {
                    continue; // "what it is" must be about this framework first, not one of a list
                }
                Span c = pf.span(i, framework);
                Focus focus = focus(c.quoted, c.headed, framework);
                if (c.words < tuning.minClaimWords() || c.caseStudy != caseStudies || anyUsed(c.keys, used)
                        || (framework != null && focus == Focus.NONE)) {
                    continue; // a fragment, the wrong kind, quoted already, or not naming the framework it is for
                }
                double rel = relevance(c, q);
                if (rel < minRelevance && (minRelevance <= 0 || matched(c, q) < 2)) {
                    continue;
                }
                double bonus = 0;
                if (s.tableCell() && q.topic().isEmpty() && s.aspect() != Aspect.GENERAL) {
                    bonus += tuning.tableCellBonus();
                }
                if (s.aspect() == Aspect.RATING && rel >= tuning.ratingMatch()) {
                    bonus += tuning.ratingBonus();
                }
                double weight = switch (focus) {
                    case ALONE -> 1;
                    case SHARED -> tuning.sharedFocus();
                    case HEADING_ONLY, NONE -> 0;
                };
                double score = tuning.relevanceWeight() * rel + tuning.meaningWeight() * meaning(c, q) + r.score() / top
                        + bonus + tuning.focusWeight() * weight
                        - penalty(pf.facts[i], s, c, framework);
                // a claim about the framework (its quote or its own heading names it) outranks any from a section
                // about several that only its heading ties to it
                int tier = focus.squarely() ? 1 : 0;
                if (tier > bestTier || (tier == bestTier && score > bestScore)) {
                    bestTier = tier;
                    bestScore = score;
                    best = c;
                    bestFrom = r;
                }
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new Claim(best.first, best.last, best.display, bestFrom.passage(), bestFrom.score()));
    }

    /**
     * How squarely a claim is about a framework: {@code ALONE} when its quote names it and no other framework, or its
     * quote names none and its heading names only it ("Heavier abstraction than plain Express" under "NestJS");
     * {@code SHARED} when its quote names it among others; {@code HEADING_ONLY} when only a heading about several names
     * it ("Callback/async complexity" under "Node.js with Express / NestJS › Weaknesses"); {@code NONE} otherwise and
     * for no framework. Scores weigh it with {@code focusWeight} (× 1, × {@code sharedFocus}, × 0).
     */
    enum Focus {
        ALONE, SHARED, HEADING_ONLY, NONE;

        /** Whether the claim is about the framework itself, not only tied to it by a heading about several. */
        boolean squarely() {
            return this == ALONE || this == SHARED;
        }
    }

    /** {@link Focus} of a claim whose quote names {@code quoted} and whose heading path names {@code headed}. */
    private static Focus focus(List<String> quoted, List<String> headed, String framework) {
        if (framework == null) {
            return Focus.NONE;
        }
        if (quoted.contains(framework)) {
            return quoted.size() == 1 ? Focus.ALONE : Focus.SHARED;
        }
        if (!headed.contains(framework)) {
            return Focus.NONE;
        }
        return quoted.isEmpty() && headed.size() == 1 ? Focus.ALONE : Focus.HEADING_ONLY;
    }

    /** Whether a claim is squarely about {@code framework} ({@link Focus#squarely()}). */
    boolean squarelyAbout(Claim c, String framework) {
        PassageFacts f = facts.get(c.passage().id());
        if (f == null || f.passage != c.passage()) { // a passage from elsewhere: nothing known of it
            return focus(lexicon.names(c.display()), lexicon.names(c.passage().section()), framework).squarely();
        }
        return focus(f.namesOf(c.display()), f.headed, framework).squarely();
    }

    private static boolean anyUsed(List<String> keys, Set<String> used) {
        if (used.isEmpty()) {
            return false;
        }
        for (String k : keys) {
            if (used.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private double penalty(SentenceFacts f, Sentence s, Span c, String framework) {
        double p = f.penalty;
        if (framework != null && !s.subjects().get(0).equals(framework)) {
            p += tuning.notFirstSubjectPenalty();
        }
        int words = c.words;
        if (words > tuning.veryLongWords()) {
            p += tuning.veryLongPenalty();
        } else if (words > tuning.longWords()) {
            p += tuning.longPenalty();
        }
        return p;
    }

    private PassageFacts facts(Passage p) {
        PassageFacts f = facts.computeIfAbsent(p.id(), k -> new PassageFacts(p));
        return f.passage == p ? f : new PassageFacts(p); // a passage object from elsewhere: not cached
    }

    /**
     * What a claim states and covers, independent of the question: its first and last sentence, how it is
     * stated, its word count, the keys and similarity ordinals of every sentence its span covers, and the
     * analysed terms of its statement and heading. Identity matters (memo key), so a class, not a record.
     */
    static final class Span {
        /** What a sentence that cannot be quoted on its own makes: nothing (no words, so never chosen). */
        static final Span NONE = new Span(null, null, "", List.of(), new int[0], Set.of(), List.of(), List.of(), false);

        final Sentence first;
        final Sentence last;
        final String display;
        final int words;
        final List<String> keys;
        final int[] ordinals;
        final Set<String> terms;
        /** Frameworks its quote names, and those its heading names (canonical names). */
        final List<String> quoted;
        final List<String> headed;
        /** Part of a case-study narrative: evidence, not a claim of its own. */
        final boolean caseStudy;

        private Span(Sentence first, Sentence last, String display, List<String> keys, int[] ordinals, Set<String> terms,
                     List<String> quoted, List<String> headed, boolean caseStudy) {
            this.first = first;
            this.last = last;
            this.display = display;
            this.words = display.isBlank() ? 0 : Words.count(display);
            this.keys = keys;
            this.ordinals = ordinals;
            this.terms = terms;
            this.quoted = quoted;
            this.headed = headed;
            this.caseStudy = caseStudy;
        }
    }

    /**
     * Per sentence of a passage: its word count, whether another sentence stands on its line, whether the next
     * one does, and the part of its penalty that depends on nothing else (extra subjects, a bare list of names,
     * a question).
     */
    private record SentenceFacts(int words, boolean sharesLine, boolean nextOnSameLine, double penalty,
                                 boolean reference, boolean caseStudy) {
    }

    /** A passage's sentence facts and, lazily, the span each sentence makes as a claim per framework asked about. */
    private final class PassageFacts {
        final Passage passage;
        final SentenceFacts[] facts;
        final Map<String, Span[]> spans = new ConcurrentHashMap<>();
        /** Frameworks the passage's heading path names. */
        final List<String> headed;
        /** Per sentence, the frameworks its own words name. */
        final List<String>[] names;
        /** The one framework the nearest heading names, or null: what a reference opening a paragraph refers to. */
        final String headingSubject;
        /**
         * Frameworks named by each way this passage's sentences are stated as claims (a sentence, or a span of
         * them), by that text: asked per candidate and framework while composing, so looked up once (the name
         * pattern was ~5 % of a request's Java time under load, docs/benchmarks.md). Bounded by the passage.
         */
        private final Map<String, List<String>> statedNames = new ConcurrentHashMap<>();

        PassageFacts(Passage p) {
            passage = p;
            List<Sentence> sentences = p.sentences();
            int n = sentences.size();
            boolean[] sameLineAsNext = new boolean[n];
            for (int i = 0; i + 1 < n; i++) {
                sameLineAsNext[i] = sameLine(sentences.get(i), sentences.get(i + 1));
            }
            headed = lexicon.names(p.section());
            String[] path = p.section().split(" › ");
            List<String> nearest = lexicon.names(path[path.length - 1]);
            headingSubject = nearest.size() == 1 ? nearest.get(0) : null;
            boolean headingTellsCase = discourse.tellsCaseStudy(p.section());
            facts = new SentenceFacts[n];
            @SuppressWarnings("unchecked")
            List<String>[] named = new List[n];
            names = named;
            StringBuilder paragraph = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Sentence s = sentences.get(i);
                if (i == 0 || !sameLineAsNext[i - 1]) {
                    paragraph.setLength(0);
                }
                paragraph.append(s.quote()).append(' ');
                names[i] = namesOf(s.display());
                boolean caseStudy = headingTellsCase || discourse.tellsCaseStudy(paragraph.toString());
                boolean shares = (i > 0 && sameLineAsNext[i - 1]) || (i + 1 < n && sameLineAsNext[i]);
                double penalty = tuning.extraSubjectPenalty()
                        * Math.min(tuning.maxExtraSubjects(), Math.max(0, s.subjects().size() - 1));
                if (s.listGroup() >= 0 && lexicon.isJustNames(s.quote())) {
                    penalty += tuning.namesListPenalty();
                }
                if (s.quote().endsWith("?")) {
                    penalty += tuning.questionPenalty();
                }
                facts[i] = new SentenceFacts(s.wordCount(), shares, i + 1 < n && sameLineAsNext[i], penalty,
                        // the display may drop a connective the quote opens with ("Consequently, they could…")
                        discourse.opensWithReference(s.quote()) || discourse.opensWithReference(s.display()), caseStudy);
            }
        }

        /** The span sentence {@code i} makes as a claim when {@code framework} (or none) is asked about. */
        Span span(int i, String framework) {
            Span[] forFramework = spans.computeIfAbsent(framework == null ? ANY : framework,
                    k -> new Span[facts.length]);
            Span s = forFramework[i];
            if (s == null) {
                s = claim(i, framework);
                forFramework[i] = s; // a racing thread computes an equal span; either one may stay
            }
            return s;
        }

        /**
         * A sentence as a claim; a short list item takes its neighbours of the same list and aspect along, and a
         * list of bare framework names ("NestJS", "Express.js", "Fastify") is stated with the heading that says
         * what they are recommended for.
         */
        private Span claim(int i, String framework) {
            List<Sentence> sentences = passage.sentences();
            Sentence s = sentences.get(i);
            SentenceFacts f = facts[i];
            if (s.tableCell() || s.aspect() == Aspect.RATING) {
                return span(s, s, s.display());
            }
            if (s.listGroup() < 0 || f.sharesLine()) {
                boolean leans = (f.reference() && headingSubject == null) || unnamed(i, framework);
                return leans ? withAntecedent(i, framework) : withReason(i);
            }
            if (f.reference() && headingSubject == null) {
                return Span.NONE; // a list item whose subject is a reference has nothing to lean on
            }
            if (f.words() > 6) {
                return span(s, s, s.display());
            }
            List<Sentence> items = new ArrayList<>();
            for (int j = 0; j < sentences.size(); j++) {
                Sentence x = sentences.get(j);
                if (x.listGroup() == s.listGroup() && x.aspect() == s.aspect() && facts[j].words() <= 12
                        && !facts[j].sharesLine() && x.display().equals(x.quote())
                        && (framework == null || x.subjects().contains(framework))) {
                    items.add(x);
                }
            }
            if (items.isEmpty()) {
                return span(s, s, s.display());
            }
            int at = Math.max(0, items.indexOf(s));
            int from = Math.max(0, Math.min(at - 1, items.size() - tuning.listWindow()));
            List<Sentence> window = items.subList(from, Math.min(items.size(), from + tuning.listWindow()));
            List<String> shown = new ArrayList<>();
            boolean namesOnly = true;
            for (Sentence x : window) {
                String item = x.display().replaceAll("[.;:]$", "");
                shown.add(item);
                namesOnly &= lexicon.isJustNames(item);
            }
            String display = String.join("; ", shown);
            if (namesOnly) {
                String heading = passage.section().split(" › ")[0];
                display = (heading.isEmpty() ? "Recommended" : heading) + ": " + String.join(", ", shown);
            }
            return span(window.get(0), window.get(window.size() - 1), display);
        }

        /**
         * A bare answer ("Yes, different frameworks can be used in microservices architecture.", "FastAPI.") is
         * quoted with the sentence that follows it in the same paragraph, which says why.
         */
        private Span withReason(int i) {
            List<Sentence> sentences = passage.sentences();
            Sentence s = sentences.get(i);
            boolean bare = facts[i].words() <= 4 || YES_NO.matcher(s.quote()).matches();
            if (bare && i + 1 < sentences.size()) {
                Sentence next = sentences.get(i + 1);
                if (next.listGroup() == s.listGroup() && facts[i].nextOnSameLine()) {
                    return span(s, next, s.display() + " " + next.display());
                }
            }
            return span(s, s, s.display());
        }

        /**
         * A sentence whose subject is a reference ("They handle concurrent requests very efficiently.") quoted
         * with the sentences of its paragraph it leans on, back to the first that does not open with a reference:
         * one verbatim quote spanning them. Nothing ({@link Span#NONE}) when it opens its paragraph or the chain
         * is longer than {@link ComposerTuning#maxAntecedents()}: a reader could not tell who "they" are. Asked for a framework
         * that neither the sentence nor its heading names ("Despite predictions of decline, it remains the default
         * in large JVM shops…"), the same: back to the sentence that names it, or nothing.
         */
        private Span withAntecedent(int i, String framework) {
            List<Sentence> sentences = passage.sentences();
            int j = i;
            while (facts[j].reference() || !names(j, i, framework)) {
                if (j == 0 || i - j >= tuning.maxAntecedents() || !facts[j - 1].nextOnSameLine()) {
                    return Span.NONE;
                }
                j--;
            }
            StringBuilder display = new StringBuilder();
            for (int k = j; k <= i; k++) {
                display.append(k == j ? "" : " ").append(sentences.get(k).display());
            }
            return span(sentences.get(j), sentences.get(i), display.toString());
        }

        /** Whether sentence {@code i} is asked for a framework that neither its words nor its headings name. */
        private boolean unnamed(int i, String framework) {
            return !names(i, i, framework);
        }

        /** Whether sentences {@code from..to} or the headings name {@code framework} (always, for no framework). */
        private boolean names(int from, int to, String framework) {
            if (framework == null || headed.contains(framework)) {
                return true;
            }
            for (int k = from; k <= to; k++) {
                if (names[k].contains(framework)) {
                    return true;
                }
            }
            return false;
        }

        /** Every sentence of the passage inside [first.start, last.end]: what the claim quotes. */
        private Span span(Sentence first, Sentence last, String display) {
            List<String> keys = new ArrayList<>();
            List<Integer> covered = new ArrayList<>();
            boolean caseStudy = false;
            List<Sentence> sentences = passage.sentences();
            for (int k = 0; k < sentences.size(); k++) {
                Sentence x = sentences.get(k);
                if (x.start() >= first.start() && x.end() <= last.end()) {
                    keys.add(x.key());
                    covered.add(ordinals.getOrDefault(x.key(), -1));
                    caseStudy |= facts[k].caseStudy();
                }
            }
            return new Span(first, last, display, List.copyOf(keys), covered.stream().mapToInt(Integer::intValue).toArray(),
                    TermSet.of(termsOf(display, passage)), namesOf(display), headed, caseStudy);
        }

        /** Canonical names of the frameworks {@code stated} (one of this passage's claims) names, in order. */
        List<String> namesOf(String stated) {
            return statedNames.computeIfAbsent(stated, lexicon::names);
        }
    }

    /** Whether two consecutive sentences are separated by spaces only (same paragraph line). */
    private boolean sameLine(Sentence a, Sentence b) {
        if (!a.documentId().equals(b.documentId()) || b.start() < a.end()) {
            return false;
        }
        String text = corpus.document(a.documentId()).map(Document::text).orElse("");
        String between = text.substring(Math.min(a.end(), text.length()), Math.min(b.start(), text.length()));
        return between.length() <= 3 && between.indexOf('\n') < 0;
    }
}
