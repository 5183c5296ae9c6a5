package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.index.KeywordIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Term statistics over the analysed passages, for the relevance gate and for ranking sentences: which stems
 * each passage holds, how rare a stem is (BM25's IDF), and a forgiving match that lets "hard" meet "harder"
 * and "devs" meet "developers" (shared prefix of at least 3 letters) where the Porter stemmer does not.
 */
public final class TermStats {

    private final KeywordIndex keyword;
    private final Map<String, Set<String>> passageTerms = new HashMap<>();
    private final Set<String> vocabulary;
    private final int passages;
    /** Bounded by the vocabulary of the questions asked; a stem is a few bytes. */
    private final Map<String, Double> idf = new java.util.concurrent.ConcurrentHashMap<>();

    public TermStats(KeywordIndex keyword, List<Passage> passages) {
        this.keyword = keyword;
        this.passages = passages.size();
        Set<String> all = new HashSet<>();
        for (Passage p : passages) {
            // sorted as well, for the loose match (see TermSet)
            Set<String> terms = TermSet.of(keyword.terms(p.indexText()));
            passageTerms.put(p.id(), terms);
            all.addAll(terms);
        }
        vocabulary = TermSet.of(all);
    }

    /** Stems of a passage's index text. */
    public Set<String> terms(Passage p) {
        return passageTerms.getOrDefault(p.id(), Set.of());
    }

    /**
     * BM25's IDF, ln(1 + (N − df + 0.5) / (df + 0.5)); largest for a stem the corpus never uses. Memoised: the
     * index never changes and sentence ranking asks for the same few terms thousands of times per answer.
     */
    public double idf(String term) {
        return idf.computeIfAbsent(term, t -> {
            int df = keyword.documentFrequency(t);
            return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
        });
    }

    /**
     * True when the corpus uses exactly this stem. Exact on purpose: the forgiving match would let "star" (of
     * "GitHub stars") meet "startup" and pass a question about facts the articles never give.
     */
    public boolean known(String term) {
        return vocabulary.contains(term);
    }

    /** True when some stem of the corpus matches {@code term} exactly or loosely ({@link #matches}). */
    public boolean knownLoosely(String term) {
        return matches(term, vocabulary);
    }

    /** IDF-weighted share of {@code topic} that {@code terms} holds exactly, 0..1 (1 for an empty topic). */
    public double exactCoverage(List<String> topic, Set<String> terms) {
        return share(topic, terms::contains);
    }

    /**
     * True when {@code terms} holds {@code term}, or a stem that one of them begins and is at least 2 letters
     * longer ("dev" meets "develop", "hard" meets "harder", but "star" does not meet "start"), or one sharing
     * its first 4+ letters and 80 % of the shorter, both at least 5 long ("scale" meets "scalabl"). A
     * {@link TermSet} is searched by prefix (every such match shares the first 3 letters); any other set is scanned.
     */
    public static boolean matches(String term, Set<String> terms) {
        if (terms.contains(term)) {
            return true;
        }
        if (term.length() < TermSet.SHARED_PREFIX) {
            return false;
        }
        if (terms instanceof TermSet set) {
            for (int i = set.firstWithPrefix(term); set.sharesPrefix(i, term); i++) {
                if (loosely(term, set.sortedAt(i))) {
                    return true;
                }
            }
            return false;
        }
        for (String t : terms) {
            if (loosely(term, t)) {
                return true;
            }
        }
        return false;
    }

    /** The forgiving rule of {@link #matches} for two stems, {@code term} at least 3 letters long. */
    private static boolean loosely(String term, String t) {
        if (t.length() < 3 || t.charAt(0) != term.charAt(0)) {
            return false;
        }
        String shorter = t.length() <= term.length() ? t : term;
        String longer = shorter == t ? term : t;
        if (longer.startsWith(shorter) && longer.length() - shorter.length() >= 2) {
            return true;
        }
        int common = 0;
        while (common < shorter.length() && shorter.charAt(common) == longer.charAt(common)) {
            common++;
        }
        return shorter.length() >= 5 && common >= 4 && common >= 0.8 * shorter.length();
    }

    /** How many of {@code topic} are found in {@code terms}. */
    public int matched(List<String> topic, Set<String> terms) {
        int n = 0;
        for (String t : topic) {
            if (matches(t, terms)) {
                n++;
            }
        }
        return n;
    }

    /** IDF-weighted share of {@code topic} found in {@code terms} ({@link #matches}), 0..1 (1 for an empty topic). */
    public double coverage(List<String> topic, Set<String> terms) {
        return share(topic, t -> matches(t, terms));
    }

    /** How much of a topic a set of stems holds: {@link #coverage}'s share and {@link #matched}'s count. */
    public record Coverage(double share, int matched) {
    }

    /** The IDF of each topic word ({@link #idf}), in order: computed once per question, reused per passage. */
    public double[] weights(List<String> topic) {
        double[] w = new double[topic.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = idf(topic.get(i));
        }
        return w;
    }

    /**
     * {@link #coverage} and {@link #matched} at once, one {@link #matches} test per topic word: equal to what
     * the two give separately (same sums in the same order).
     *
     * @param weights {@link #weights} of {@code topic}
     * @throws ArrayIndexOutOfBoundsException when {@code weights} is shorter than {@code topic}
     */
    public Coverage measure(List<String> topic, double[] weights, Set<String> terms) {
        return measure(topic, weights, t -> matches(t, terms));
    }

    /** The one weighted pass behind every share here: IDF-weighted share and count of the words found. */
    private static Coverage measure(List<String> topic, double[] weights, Predicate<String> found) {
        double total = 0;
        double hit = 0;
        int matched = 0;
        for (int i = 0; i < topic.size(); i++) {
            double w = weights[i];
            total += w;
            if (found.test(topic.get(i))) {
                hit += w;
                matched++;
            }
        }
        return new Coverage(total == 0 ? 1 : hit / total, matched);
    }

    /**
     * IDF-weighted share of {@code topic} that {@code found} accepts, 0..1 (1 for an empty topic): the one weighted
     * pass of {@link #measure}, for a test of its own (answer selection counts synonyms too).
     *
     * @param weights {@link #weights} of {@code topic}
     */
    public static double share(List<String> topic, double[] weights, Predicate<String> found) {
        return measure(topic, weights, found).share();
    }

    /** IDF-weighted share of {@code topic} the corpus uses exactly ({@link #known}), 0..1 (1 for an empty topic). */
    public double knownShare(List<String> topic) {
        return share(topic, this::known);
    }

    private double share(List<String> topic, Predicate<String> found) {
        return measure(topic, weights(topic), found).share();
    }
}
