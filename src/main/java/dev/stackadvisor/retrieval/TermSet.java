package dev.stackadvisor.retrieval;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * An immutable set of analysed stems that also keeps them sorted, so that {@link TermStats#matches}'s forgiving
 * match looks at the few stems sharing a term's first three letters (a binary search) instead of every stem in
 * the set. Every loose match shares them: the prefix rule needs both stems ≥ 3 letters and the shorter one a
 * prefix of the longer, the common-prefix rule needs ≥ 4 common letters. Built once for sets that are matched
 * against many times (a passage's or a quoted claim's stems, the corpus vocabulary); any other {@code Set}
 * still works with {@link TermStats#matches}, by a scan.
 */
public final class TermSet extends AbstractSet<String> {

    /** Letters every loose match shares (see the class comment). */
    static final int SHARED_PREFIX = 3;

    private final Set<String> terms;
    private final String[] sorted;

    private TermSet(Set<String> terms) {
        this.terms = terms;
        this.sorted = terms.toArray(new String[0]);
        Arrays.sort(sorted);
    }

    /**
     * @param terms stems, none null
     * @throws NullPointerException for a null collection or element
     */
    public static TermSet of(Collection<String> terms) {
        return terms instanceof TermSet t ? t : new TermSet(Set.copyOf(terms));
    }

    @Override
    public boolean contains(Object o) {
        return terms.contains(o);
    }

    @Override
    public Iterator<String> iterator() {
        return terms.iterator();
    }

    @Override
    public int size() {
        return terms.size();
    }

    /**
     * Index, in sorted order, of the first stem that begins with the first {@link #SHARED_PREFIX} letters of
     * {@code term}, or of where such a stem would be; the stems sharing them follow it ({@link #sharesPrefix}).
     *
     * @param term at least {@link #SHARED_PREFIX} letters
     */
    int firstWithPrefix(String term) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (beforePrefix(sorted[mid], term)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the stem at sorted index {@code i} exists and begins with the first letters of {@code term}. */
    boolean sharesPrefix(int i, String term) {
        return i < sorted.length && sorted[i].regionMatches(0, term, 0, SHARED_PREFIX);
    }

    /** The stem at sorted index {@code i}. */
    String sortedAt(int i) {
        return sorted[i];
    }

    /** Whether {@code s} sorts (as {@link String#compareTo}) before the first letters of {@code term}. */
    private static boolean beforePrefix(String s, String term) {
        for (int k = 0; k < SHARED_PREFIX; k++) {
            if (k >= s.length()) {
                return true;
            }
            int d = s.charAt(k) - term.charAt(k);
            if (d != 0) {
                return d < 0;
            }
        }
        return false;
    }
}
