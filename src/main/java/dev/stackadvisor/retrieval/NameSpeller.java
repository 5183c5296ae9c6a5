package dev.stackadvisor.retrieval;

import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.FrameworkLexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Reads framework names typed in a hurry: "djnago", "expres", "fastfy", "sprng boot", "nestjss" are read as
 * the framework they misspell, with Lucene's Levenshtein automata (Damerau: a swap of two letters is one edit).
 * A question word is tried only when it is not itself a word ({@code ordinary}: the corpus, filler and synonyms
 * vocabulary) nor a name, and it is held against single-word aliases of at least {@link #MIN_LENGTH} letters
 * sharing its first letter (as Lucene's DirectSpellChecker's minPrefix 1), within {@link #maxEdits} edits.
 * A word two aliases of different frameworks are equally close to is left alone. Thread-safe.
 */
public final class NameSpeller {

    /**
     * Shortest alias tried: three-letter names (gin, koa, bun, vue) have too many one-edit neighbours that are
     * English words or tools ("git", "bug", "due"), so they must be spelled right.
     */
    static final int MIN_LENGTH = 4;
    /** Letters up to which one edit is allowed; longer names allow two (the rule, after FuzzyQuery's). */
    static final int ONE_EDIT_UP_TO = 5;

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** An alias with its Levenshtein automata: {@code within[k]} accepts the words k edits or fewer from it. */
    private record Alias(String text, String framework, CharacterRunAutomaton[] within) {
    }

    private final List<Alias> aliases = new ArrayList<>();
    private final Predicate<String> ordinary;

    /**
     * @param lexicon  the names to read
     * @param ordinary whether a lower-case word is an ordinary word (never read as a misspelt name)
     */
    public NameSpeller(FrameworkLexicon lexicon, Predicate<String> ordinary) {
        this.ordinary = ordinary;
        for (Framework f : lexicon.frameworks()) {
            for (String a : f.aliases()) {
                if (a.length() >= MIN_LENGTH && a.chars().allMatch(Character::isLetterOrDigit)) {
                    // built once here (≈ 0.1–1 ms each): building them per question word cost ~0.8 ms a question
                    LevenshteinAutomata lev = new LevenshteinAutomata(a, true);
                    CharacterRunAutomaton[] within = new CharacterRunAutomaton[maxEdits(a.length()) + 1];
                    for (int k = 1; k < within.length; k++) {
                        within[k] = new CharacterRunAutomaton(lev.toAutomaton(k));
                    }
                    aliases.add(new Alias(a, f.name(), within));
                }
            }
        }
    }

    /** Edits allowed for an alias of this length. */
    static int maxEdits(int length) {
        return length <= ONE_EDIT_UP_TO ? 1 : 2;
    }

    /**
     * The text with each misspelt framework name replaced by the alias it misspells (lower case); other text
     * untouched, the same string when nothing was misspelt.
     */
    public String correct(String text, FrameworkLexicon lexicon) {
        StringBuilder out = null;
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (word.length() < MIN_LENGTH || ordinary.test(word) || lexicon.find(word).isPresent()) {
                continue;
            }
            String alias = closest(word);
            if (alias != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8);
                }
                out.append(text, last, m.start()).append(alias);
                last = m.end();
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    /** The alias {@code word} misspells, or null when none is close enough or two frameworks tie. */
    String closest(String word) {
        String best = null;
        String bestFramework = null;
        int bestEdits = Integer.MAX_VALUE;
        boolean tie = false;
        for (Alias a : aliases) {
            if (a.text().charAt(0) != word.charAt(0) || Math.abs(a.text().length() - word.length()) > 2) {
                continue;
            }
            for (int edits = 1; edits < a.within().length; edits++) {
                if (!a.within()[edits].run(word)) {
                    continue; // Levenshtein distance is symmetric: the alias's automaton judges the word
                }
                if (edits < bestEdits) {
                    best = a.text();
                    bestFramework = a.framework();
                    bestEdits = edits;
                    tie = false;
                } else if (edits == bestEdits && !a.framework().equals(bestFramework)) {
                    tie = true;
                }
                break;
            }
        }
        return tie ? null : best;
    }
}
