package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.index.KeywordIndex;
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
 * Chooses the sentences an extractive answer quotes. A sentence's score is
 * <pre>  2 × (share of the question's topic words it holds) + (its passage's fused score ÷ the best one)
 *      − 0.1 per extra framework it is about (a specific claim beats "X, Y and Z are all strong options")
 *      − 0.4 past 35 words, − 0.8 past 50 (answers stay short) − 1 for a question</pre>
 * Ties go to the earlier passage and sentence, so the choice is deterministic. Short list items are quoted
 * with up to two neighbours of the same list ("SaaS platforms; Enterprise APIs; Real-time applications").
 */
final class ClaimPicker {

    private static final int LIST_WINDOW = 3;

    private final KeywordIndex keyword;
    private final FrameworkLexicon lexicon;
    private final Map<String, Set<String>> claimTerms = new ConcurrentHashMap<>();

    ClaimPicker(KeywordIndex keyword, FrameworkLexicon lexicon) {
        this.keyword = keyword;
        this.lexicon = lexicon;
    }

    /**
     * The analysed stems of a claim as stated plus those of its heading, cached: a list item such as
     * "Faster initial development" means what it means because it sits under "Advantages of Monolithic
     * Architecture".
     */
    Set<String> terms(Claim c) {
        return claimTerms.computeIfAbsent(c.key() + "|" + c.display(), k -> {
            Set<String> terms = new HashSet<>(keyword.terms(c.display()));
            terms.addAll(keyword.terms(c.passage().section()));
            return terms;
        });
    }

    /** The analysed stems of any text. */
    Set<String> termsOf(String text) {
        return new HashSet<>(keyword.terms(text));
    }

    /** Share (IDF-weighted, 0..1) of {@code topic} a claim holds; 0 for an empty topic. */
    double relevance(Claim c, List<String> topic, TermStats stats) {
        return topic.isEmpty() ? 0 : stats.coverage(topic, terms(c));
    }

    /**
     * The best claim among {@code ranked} passages.
     *
     * @param framework when not null, only sentences about this framework
     * @param aspects   when not null, only sentences with one of these aspects
     * @param used      keys of sentences already quoted in the answer ({@link Claim#sentenceKeys()}), to skip
     * @param minRelevance only sentences holding at least this share of the topic words
     */
    Optional<Claim> best(List<RankedPassage> ranked, String framework, Set<Aspect> aspects, List<String> topic,
                         TermStats stats, Set<String> used, double minRelevance) {
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
                Claim c = claim(r, s);
                if (c.sentenceKeys().stream().anyMatch(used::contains)) {
                    continue;
                }
                double rel = relevance(c, topic, stats);
                if (rel < minRelevance) {
                    continue;
                }
                // a table rating that matches the question is the crispest comparative evidence there is
                double ratingBonus = s.aspect() == Aspect.RATING && rel >= 0.5 ? 0.3 : 0;
                double score = 2 * rel + r.score() / top + ratingBonus - penalty(s, c);
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A bare answer ("Yes, different frameworks can be used in microservices architecture.", "FastAPI.") is
     * quoted with the sentence that follows it in the same paragraph, which says why.
     */
    private static Claim withReason(RankedPassage r, Sentence s) {
        Passage p = r.passage();
        boolean bare = s.wordCount() <= 10 || s.quote().matches("(?i)^(yes|no)\\b.*");
        int at = p.sentences().indexOf(s);
        if (bare && at >= 0 && at + 1 < p.sentences().size()) {
            Sentence next = p.sentences().get(at + 1);
            if (next.listGroup() < 0 && next.start() - s.end() <= 2) {
                return new Claim(s, next, s.display() + " " + next.display(), p, r.score());
            }
        }
        return new Claim(s, s, s.display(), p, r.score());
    }

    /** "Express.js", "Go Frameworks (Gin/Fiber)": an item that is framework names and little else. */
    private boolean isJustNames(String item) {
        String rest = item;
        for (FrameworkLexicon.Mention m : lexicon.mentions(item)) {
            rest = rest.replace(item.substring(m.start(), m.end()), "");
        }
        return !lexicon.mentions(item).isEmpty() && rest.replaceAll("(?i)go|frameworks?|[()/,\\s-]", "").isEmpty();
    }

    private static double penalty(Sentence s, Claim c) {
        double p = 0.1 * Math.min(4, Math.max(0, s.subjects().size() - 1));
        int words = c.words();
        if (words > 50) {
            p += 0.8;
        } else if (words > 35) {
            p += 0.4;
        }
        if (words < 3 && s.listGroup() < 0) {
            p += 0.6;
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
    private Claim claim(RankedPassage r, Sentence s) {
        Passage p = r.passage();
        if (s.listGroup() < 0) {
            return withReason(r, s);
        }
        if (s.wordCount() > 6 || s.aspect() == Aspect.RATING) {
            return new Claim(s, s, s.display(), p, r.score());
        }
        List<Sentence> items = new ArrayList<>();
        for (Sentence x : p.sentences()) {
            if (x.listGroup() == s.listGroup() && x.aspect() == s.aspect() && x.wordCount() <= 12
                    && x.display().equals(x.quote())) {
                items.add(x);
            }
        }
        int at = Math.max(0, items.indexOf(s));
        if (items.isEmpty()) {
            return new Claim(s, s, s.display(), p, r.score());
        }
        int from = Math.max(0, Math.min(at - 1, items.size() - LIST_WINDOW));
        List<Sentence> window = items.subList(from, Math.min(items.size(), from + LIST_WINDOW));
        List<String> shown = new ArrayList<>();
        boolean namesOnly = true;
        for (Sentence x : window) {
            String item = x.display().replaceAll("[.;:]$", "");
            shown.add(item);
            namesOnly &= isJustNames(item);
        }
        String display = String.join("; ", shown);
        if (namesOnly) {
            String heading = p.section().split(" › ")[0];
            display = (heading.isEmpty() ? "Recommended" : heading) + ": " + String.join(", ", shown);
        }
        return new Claim(window.get(0), window.get(window.size() - 1), display, p, r.score());
    }
}
