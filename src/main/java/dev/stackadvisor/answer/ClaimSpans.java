package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import dev.stackadvisor.corpus.Words;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.retrieval.TermSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What each sentence of the corpus makes as a quotable claim, independent of any question: its {@link Span} (the
 * sentence with those it leans on by the {@link Discourse} rules, a window of up to {@code listWindow} short items of
 * one list, or a bare "Yes."/"FastAPI." with the sentence that says why), the analysed terms of the claim and its
 * heading, the frameworks it names and is headed by, and whether it tells a case study. Built once per corpus
 * snapshot (one per composer) with each passage's sentence facts; a sentence's span for a framework (or none) is
 * made when first asked and kept. Building every span up front (no framework and each framework the sentence is
 * about) cost 0.4–1.2 s more start-up on the main corpus and 0.8–1.5 s on the docs corpus (shared host, load 5–11),
 * against 0.1–0.8 s for the facts, so spans stay lazy.
 * Thread-safe.
 */
final class ClaimSpans {

    private static final Pattern YES_NO = Pattern.compile("(?i)^(yes|no)\\b.*");
    /** A parenthetical aside, "(and Angular)", in a heading. */
    private static final Pattern PARENTHETICAL = Pattern.compile("\\([^()]*\\)");
    /** Framework-independent spans are filed under this key (no framework name is empty). */
    private static final String ANY = "";

    private final KeywordIndex keyword;
    private final Corpus corpus;
    private final FrameworkLexicon lexicon;
    private final Discourse discourse;
    private final ComposerTuning tuning;
    private final Map<String, Set<String>> claimTerms = new ConcurrentHashMap<>();
    /** Per passage id: its sentences' facts and spans. */
    private final Map<String, PassageSpans> passages = new ConcurrentHashMap<>();
    /** Sentence key → ordinal (0..n-1, first in corpus order), for per-question memos by sentence. */
    private final Map<String, Integer> ordinals = new HashMap<>();

    /**
     * @param tuning    {@code listWindow}, {@code maxAntecedents} and {@code minClaimWords} shape spans here
     * @param discourse reference openers and case-study cues
     */
    ClaimSpans(KeywordIndex keyword, Corpus corpus, Discourse discourse, ComposerTuning tuning) {
        this.keyword = keyword;
        this.corpus = corpus;
        this.lexicon = corpus.lexicon();
        this.discourse = discourse;
        this.tuning = tuning;
        for (Passage p : corpus.passages()) {
            for (Sentence s : p.sentences()) {
                ordinals.putIfAbsent(s.key(), ordinals.size());
            }
        }
        for (Passage p : corpus.passages()) {
            of(p);
        }
    }

    /** Sentence keys of the corpus by ordinal; unmodifiable. */
    Map<String, Integer> ordinals() {
        return java.util.Collections.unmodifiableMap(ordinals);
    }

    /** The spans of {@code p}'s sentences, kept by passage id; made afresh for another object with a kept id. */
    PassageSpans of(Passage p) {
        PassageSpans ps = passages.computeIfAbsent(p.id(), k -> new PassageSpans(p));
        return ps.passage == p ? ps : new PassageSpans(p);
    }

    /**
     * The claim sentence {@code sentence} of {@code p} makes when {@code framework} is asked about (null: none): the
     * span {@link ClaimPicker#best} weighs for it, with score 0 (the caller knows the passage's fused score, if any).
     * Empty when the sentence cannot be quoted on its own: a reference with nothing to lean on ({@link Span#NONE}) or
     * fewer than {@code minClaimWords} words. A case study is returned too ({@link Span#caseStudy}).
     *
     * @throws IndexOutOfBoundsException when {@code sentence} is not an index of {@code p.sentences()}
     */
    Optional<Claim> claimAt(Passage p, int sentence, String framework) {
        Objects.checkIndex(sentence, p.sentences().size());
        Span s = of(p).span(sentence, framework);
        return s.words < tuning.minClaimWords() ? Optional.empty() : Optional.of(s.claim(p, 0));
    }

    /** {@link Focus} of a claim on {@code framework}: its quote's and its heading's names. */
    Focus focus(Claim c, String framework) {
        PassageSpans ps = passages.get(c.passage().id());
        if (ps == null || ps.passage != c.passage()) { // a passage from elsewhere: nothing known of it
            return Focus.of(lexicon.names(c.display()), lexicon.names(c.passage().section()), framework);
        }
        return Focus.of(ps.namesOf(c.display()), ps.headed, framework);
    }

    /**
     * The analysed stems of a claim as stated plus those of its heading, cached: a list item such as
     * "Faster initial development" means what it means because it sits under "Advantages of Monolithic
     * Architecture".
     */
    Set<String> terms(Claim c) {
        return claimTerms.computeIfAbsent(c.key(), k -> TermSet.of(termsOf(c.display(), c.passage())));
    }

    /** The analysed stems of any text. */
    Set<String> termsOf(String text) {
        return new HashSet<>(keyword.terms(text));
    }

    private Set<String> termsOf(String display, Passage p) {
        Set<String> terms = termsOf(display);
        terms.addAll(keyword.terms(p.section()));
        return terms;
    }

    /**
     * What a claim states and covers: its first and last sentence, how it is stated, its word count, the keys and
     * ordinals ({@link #ordinals()}, -1 for a sentence from elsewhere) of every sentence its span covers, and the
     * analysed terms of its statement and heading. Identity matters (per-question memo key), so a class, not a record.
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

        /** The span as a claim of passage {@code p} cited with fused score {@code score}. */
        Claim claim(Passage p, double score) {
            return new Claim(first, last, display, p, score);
        }
    }

    /**
     * Per sentence of a passage: its word count, whether another sentence stands on its line, whether the next
     * one does, whether it opens with a reference, tells a case study, or is a list item of bare framework names.
     */
    private record SentenceFacts(int words, boolean sharesLine, boolean nextOnSameLine, boolean reference,
                                 boolean caseStudy, boolean namesList) {
    }

    /** A passage's sentence facts and the span each sentence makes as a claim per framework asked about. */
    final class PassageSpans {
        final Passage passage;
        private final SentenceFacts[] facts;
        private final Map<String, Span[]> spans = new ConcurrentHashMap<>();
        /** Frameworks the passage's heading path names. */
        final List<String> headed;
        /** Per sentence, the frameworks its own words name. */
        private final List<String>[] names;
        /** The one framework the nearest heading names, or null: what a reference opening a paragraph refers to. */
        private final String headingSubject;
        /**
         * Frameworks named by each way this passage's sentences are stated as claims (a sentence, or a span of
         * them), by that text: asked per candidate and framework while composing, so looked up once (the name
         * pattern was ~5 % of a request's Java time under load, docs/benchmarks.md). Bounded by the passage.
         */
        private final Map<String, List<String>> statedNames = new ConcurrentHashMap<>();

        PassageSpans(Passage p) {
            passage = p;
            List<Sentence> sentences = p.sentences();
            int n = sentences.size();
            boolean[] sameLineAsNext = new boolean[n];
            for (int i = 0; i + 1 < n; i++) {
                sameLineAsNext[i] = sameLine(sentences.get(i), sentences.get(i + 1));
            }
            headed = lexicon.names(p.section());
            // "NestJS (and Angular)": a name in parentheses is an aside, the heading is about the one outside them
            List<String> nearest = lexicon.names(PARENTHETICAL.matcher(p.leafHeading()).replaceAll(" "));
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
                facts[i] = new SentenceFacts(s.wordCount(), shares, i + 1 < n && sameLineAsNext[i],
                        // the display may drop a connective the quote opens with ("Consequently, they could…")
                        discourse.opensWithReference(s.quote()) || discourse.opensWithReference(s.display()), caseStudy,
                        s.listGroup() >= 0 && lexicon.isJustNames(s.quote()));
            }
        }

        /** Whether sentence {@code i} is a list item of bare framework names ("NestJS", "Express.js"…). */
        boolean namesList(int i) {
            return facts[i].namesList();
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
         * A bare answer ("Yes, both can run side by side.", "FastAPI.") is
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
         * that neither the sentence nor its heading names ("Even so, it is still the usual pick
         * in large Java teams…"), the same: back to the sentence that names it, or nothing.
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
