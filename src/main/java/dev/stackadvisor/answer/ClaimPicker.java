package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.retrieval.RankedPassage;
import dev.stackadvisor.retrieval.TermStats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the sentences an extractive answer quotes. A claim's relevance to the question is the IDF-weighted
 * share of the question's topic words it holds (its heading included); in hybrid mode how close its embedding
 * is to the question's adds a smaller term, {@code meaning = clamp((cosine − 0.25) / 0.4, 0, 1)} (MiniLM puts
 * unrelated sentences near 0.1–0.25 and paraphrases above 0.6). Meaning orders the candidates but never lets
 * a sentence pass as "the" answer on its own: on the dev questions that let generic sentences ("the most
 * popular frameworks reduce operational challenges…") crowd out the ones that answer. Its score is
 * <pre>  2 × relevance + 0.6 × meaning + (its passage's fused score ÷ the best one)
 *      + 0.3 for a table cell when the question has no topic words (the article's own one-line verdict)
 *      + 0.3 for a table rating that matches the question
 *      − 0.05 per extra framework it is about, − 0.1 when the framework asked about is not its first subject
 *      − 0.4 past 35 words, − 0.8 past 50, − 0.3 for a bare list of names, − 1 for a question</pre>
 * Ties go to the earlier passage and sentence, so the choice is deterministic. Short list items are quoted
 * with up to two neighbours of the same list; a bare "Yes." or "FastAPI." with the sentence that says why.
 */
final class ClaimPicker {

    private static final int LIST_WINDOW = 3;

    private final KeywordIndex keyword;
    private final Corpus corpus;
    private final FrameworkLexicon lexicon;
    private final SentenceVectors vectors;
    private final TermStats stats;
    private final Map<String, Set<String>> claimTerms = new ConcurrentHashMap<>();

    ClaimPicker(KeywordIndex keyword, Corpus corpus, SentenceVectors vectors, TermStats stats) {
        this.keyword = keyword;
        this.corpus = corpus;
        this.lexicon = corpus.lexicon();
        this.vectors = vectors;
        this.stats = stats;
    }

    /**
     * The analysed stems of a claim as stated plus those of its heading, cached: a list item such as
     * "Faster initial development" means what it means because it sits under "Advantages of Monolithic
     * Architecture".
     */
    Set<String> terms(Claim c) {
        return claimTerms.computeIfAbsent(c.key(), k -> {
            Set<String> terms = new HashSet<>(keyword.terms(c.display()));
            terms.addAll(keyword.terms(c.passage().section()));
            return terms;
        });
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

    /** Meaning relevance, 0..1: 0 in keyword mode and for a question without topic words. */
    double meaning(Claim c, Question q) {
        if (vectors == null || q.vector() == null || q.topic().isEmpty()) {
            return 0;
        }
        double cosine = Double.NEGATIVE_INFINITY;
        for (Sentence s : c.passage().sentences()) {
            if (s.start() >= c.first().start() && s.end() <= c.last().end()) {
                double sim = q.similarities().computeIfAbsent(s.key(), k -> vectors.similarity(q.vector(), k));
                if (!Double.isNaN(sim)) {
                    cosine = Math.max(cosine, sim);
                }
            }
        }
        return Math.max(0, Math.min(1, (cosine - 0.25) / 0.4));
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
        double top = ranked.isEmpty() ? 1 : Math.max(1e-9, ranked.get(0).score());
        Claim best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (RankedPassage r : ranked) {
            for (Sentence s : r.passage().sentences()) {
                if (framework != null && !s.subjects().contains(framework)) {
                    continue;
                }
                if (aspects != null && !aspects.contains(s.aspect())) {
                    continue;
                }
                if (framework != null && aspects != null && aspects.equals(Set.of(Aspect.OVERVIEW))
                        && !s.subjects().get(0).equals(framework)) {
                    continue; // "what it is" must be about this framework first, not one of a list
                }
                Claim c = claim(r, s, framework);
                if (c.words() < 3 || c.sentenceKeys().stream().anyMatch(used::contains)) {
                    continue;
                }
                double rel = relevance(c, q);
                if (rel < minRelevance && (minRelevance <= 0 || matched(c, q) < 2)) {
                    continue;
                }
                double bonus = 0;
                if (s.tableCell() && q.topic().isEmpty() && s.aspect() != Aspect.GENERAL) {
                    bonus += 0.3;
                }
                if (s.aspect() == Aspect.RATING && rel >= 0.5) {
                    bonus += 0.3;
                }
                double score = 2 * rel + 0.6 * meaning(c, q) + r.score() / top + bonus - penalty(s, c, framework);
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private double penalty(Sentence s, Claim c, String framework) {
        double p = 0.05 * Math.min(4, Math.max(0, s.subjects().size() - 1));
        if (framework != null && !s.subjects().get(0).equals(framework)) {
            p += 0.1;
        }
        int words = c.words();
        if (words > 50) {
            p += 0.8;
        } else if (words > 35) {
            p += 0.4;
        }
        if (s.listGroup() >= 0 && lexicon.isJustNames(s.quote())) {
            p += 0.3;
        }
        if (s.quote().endsWith("?")) {
            p += 1;
        }
        return p;
    }

    /**
     * A sentence as a claim; a short list item takes its neighbours of the same list and aspect along, and a
     * list of bare framework names ("NestJS", "Express.js", "Fastify") is stated with the heading that says
     * what they are recommended for.
     */
    private Claim claim(RankedPassage r, Sentence s, String framework) {
        Passage p = r.passage();
        if (s.tableCell() || s.aspect() == Aspect.RATING) {
            return new Claim(s, s, s.display(), p, r.score());
        }
        if (s.listGroup() < 0 || sharesLine(p, s)) {
            return withReason(r, s);
        }
        if (s.wordCount() > 6) {
            return new Claim(s, s, s.display(), p, r.score());
        }
        List<Sentence> items = new ArrayList<>();
        for (Sentence x : p.sentences()) {
            if (x.listGroup() == s.listGroup() && x.aspect() == s.aspect() && x.wordCount() <= 12 && !sharesLine(p, x)
                    && x.display().equals(x.quote()) && (framework == null || x.subjects().contains(framework))) {
                items.add(x);
            }
        }
        if (items.isEmpty()) {
            return new Claim(s, s, s.display(), p, r.score());
        }
        int at = Math.max(0, items.indexOf(s));
        int from = Math.max(0, Math.min(at - 1, items.size() - LIST_WINDOW));
        List<Sentence> window = items.subList(from, Math.min(items.size(), from + LIST_WINDOW));
        List<String> shown = new ArrayList<>();
        boolean namesOnly = true;
        for (Sentence x : window) {
            String item = x.display().replaceAll("[.;:]$", "");
            shown.add(item);
            namesOnly &= lexicon.isJustNames(item);
        }
        String display = String.join("; ", shown);
        if (namesOnly) {
            String heading = p.section().split(" › ")[0];
            display = (heading.isEmpty() ? "Recommended" : heading) + ": " + String.join(", ", shown);
        }
        return new Claim(window.get(0), window.get(window.size() - 1), display, p, r.score());
    }

    /**
     * A bare answer ("Yes, different frameworks can be used in microservices architecture.", "FastAPI.") is
     * quoted with the sentence that follows it in the same paragraph, which says why.
     */
    private Claim withReason(RankedPassage r, Sentence s) {
        Passage p = r.passage();
        boolean bare = s.wordCount() <= 4 || s.quote().matches("(?i)^(yes|no)\\b.*");
        int at = p.sentences().indexOf(s);
        if (bare && at >= 0 && at + 1 < p.sentences().size()) {
            Sentence next = p.sentences().get(at + 1);
            if (next.listGroup() == s.listGroup() && sameLine(s, next)) {
                return new Claim(s, next, s.display() + " " + next.display(), p, r.score());
            }
        }
        return new Claim(s, s, s.display(), p, r.score());
    }

    /** Whether another sentence of the passage stands on the same line: a bullet of several sentences. */
    private boolean sharesLine(Passage p, Sentence s) {
        int at = p.sentences().indexOf(s);
        return (at > 0 && sameLine(p.sentences().get(at - 1), s))
                || (at >= 0 && at + 1 < p.sentences().size() && sameLine(s, p.sentences().get(at + 1)));
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
