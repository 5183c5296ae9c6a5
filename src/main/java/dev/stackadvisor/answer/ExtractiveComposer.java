package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.retrieval.AnalyzedQuery;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.Fact;
import dev.stackadvisor.retrieval.Intent;
import dev.stackadvisor.retrieval.RankedPassage;
import dev.stackadvisor.retrieval.Selection;
import dev.stackadvisor.retrieval.TermStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answerer used without an LLM (and as the LLM's fallback): every statement is a sentence quoted from a
 * retrieved passage, with a {@code [n]} marker. Answer first: for a specific question or a choice naming frameworks,
 * the answering span answer selection found ({@link Selection}) leads — a specific question then quotes up to
 * {@link ComposerTuning#supporting()} more and no profile; a choice adds each other framework's best-covering sentence —
 * and otherwise the {@link Layout} of the kind of question lays the answer out on a {@link Draft} ({@link CompareLayout},
 * {@link SingleLayout}, {@link ScenarioLayout}, {@link ConceptLayout}), rendered as light Markdown and as
 * {@link Sections}. A question asking for a kind of fact (a figure, a licence…) gets the sentence stating it as its
 * verdict; one nothing covers, a refusal naming what the sources lack. Pure and deterministic: the same evidence gives
 * the same bytes. At most {@link ComposerTuning#maxWords()} words.
 */
public final class ExtractiveComposer {


    private final Corpus corpus;
    private final TermStats stats;
    private final ComposerTuning tuning;
    private final Composition kit;
    private final Layout compare;
    private final Layout single;
    private final Layout scenario;
    private final Layout concept;

    /**
     * @param sentences sentence embeddings for ranking quotes by meaning; null in keyword mode (words only)
     * @param tuning    the {@code composer} section of the tuning file
     * @param discourse reference openers, case-study cues and contention points ({@link Discourse#bundled()}, read
     *                  once per process: every re-index reuses it)
     */
    public ExtractiveComposer(Corpus corpus, KeywordIndex keyword, TermStats stats, SentenceVectors sentences,
                              ComposerTuning tuning, Discourse discourse) {
        this.corpus = corpus;
        this.stats = stats;
        this.tuning = tuning;
        Map<String, List<String>> points = new LinkedHashMap<>();
        discourse.contentionPoints().forEach((point, words) -> points.put(point, keyword.terms(words)));
        this.kit = new Composition(corpus, stats, new ClaimPicker(
                new ClaimSpans(keyword, corpus, discourse, tuning), sentences, stats, tuning),
                tuning, java.util.Collections.unmodifiableMap(points));
        this.compare = new CompareLayout(kit);
        this.single = new SingleLayout(kit);
        this.scenario = new ScenarioLayout(kit);
        this.concept = new ConceptLayout(kit);
    }

    /** Composes the answer for {@code evidence}; a refusal when the gate said the sources cannot answer. */
    public Answer compose(Evidence evidence) {
        if (!evidence.gate().grounded()) {
            return refusal(evidence);
        }
        Draft draft = new Draft();
        AnalyzedQuery q = evidence.query();
        Question question = questionOf(evidence);
        if (evidence.fact() != null) {
            // the question asked for a kind of fact (a figure, a licence…): the sentence stating it is the verdict
            Fact f = evidence.fact();
            Claim stated = new Claim(f.sentence(), f.sentence(), f.sentence().display(), f.passage(), f.score());
            draft.verdict(Draft.quote(draft.take(Optional.of(stated))));
        }
        Selection selection = evidence.selection();
        // a profile's answer is the profile (its layout puts the on-point claim first); the concept and scenario
        // layouts already lead with the best answering sentence (a scenario's names what the sources point to)
        boolean answerFirst = evidence.fact() == null && selection.ask() != Selection.Ask.PROFILE
                && (q.intent() == Intent.SINGLE || q.intent() == Intent.COMPARE);
        int wanted = selection.ask() == Selection.Ask.SPECIFIC ? 1 + tuning.supporting() : 1;
        List<Claim> answering = answerFirst ? answering(evidence, draft, wanted) : List.of();
        List<String> about;
        if (!answering.isEmpty()) {
            // answer first: the sentence that answers what was asked leads, whatever the kind of question
            draft.verdict(leadIn(q.frameworks()), Draft.quote(answering.get(0)));
        }
        if (!answering.isEmpty() && selection.ask() == Selection.Ask.CHOICE && q.frameworks().size() >= 2) {
            // a choice: what answers it for each other framework weighed, before their blocks
            for (String f : q.frameworks()) {
                if (!answering.get(0).first().subjects().contains(f) && !answering.get(0).first().mentions().contains(f)) {
                    Claim side = sideOf(evidence, f, draft);
                    if (side != null) {
                        draft.note(0, Draft.text(kit.label(f) + ": "), Draft.quote(side));
                    }
                }
            }
        }
        if (!answering.isEmpty() && selection.ask() == Selection.Ask.SPECIFIC) {
            // one thing was asked: the sentences that answer it, no profile
            for (int i = 1; i < answering.size(); i++) {
                draft.bullet(i, answering.get(i));
            }
            about = q.frameworks().isEmpty() ? answering.get(0).first().subjects() : q.frameworks();
        } else {
            Layout layout = switch (q.intent()) {
                case COMPARE -> compare;
                case SINGLE -> single;
                // a situation no framework is recommended for is answered as a concept: from the sources' own words
                case SCENARIO -> evidence.frameworks().isEmpty() ? concept : scenario;
                case CONCEPT -> concept;
            };
            about = layout.lay(evidence, question, draft);
        }
        if (!q.notCovered().isEmpty()) {
            draft.after(0, Draft.text("Not covered by my sources: " + String.join(", ", q.notCovered())
                    + ", so I can't weigh " + (q.notCovered().size() == 1 ? "it" : "them") + "."));
        }
        // a block's items by relevance to what was asked (its topic words), not only by aspect
        Draft.Rendered r = draft.render(tuning.maxWords(), this::citation, kit::language,
                c -> kit.picker().relevance(c, question));
        if (r.citations().isEmpty()) {
            return refusal(evidence);
        }
        return new Answer(r.text(), r.citations(), about, true, AnswerMode.EXTRACTIVE, null, 0, r.sections());
    }

    /**
     * The claims that answer the question, best first (answer selection's lead, then its covering candidates that may
     * answer for the frameworks asked, each as the claim it makes when quoted), at most {@code wanted}: the first leads
     * the answer; a specific question quotes up to {@link ComposerTuning#supporting()} more. Empty when none covers it.
     */
    private List<Claim> answering(Evidence ev, Draft draft, int wanted) {
        List<String> asked = ev.query().frameworks();
        List<Claim> out = new ArrayList<>();
        Set<String> used = new HashSet<>(draft.used());
        Set<Selection.Candidate> order = new LinkedHashSet<>();
        if (ev.selection().lead() != null) {
            order.add(ev.selection().lead()); // the selection's choice (for a why-question, the reason) first
        }
        order.addAll(ev.selection().answering()); // the lead is one of them, unless a why-question's reason
        for (Selection.Candidate c : order) {
            if (out.size() >= wanted || !c.covers() || !c.answersFor(asked)
                    || (!out.isEmpty() && c.sentence().aspect() == Aspect.RATING)) {
                continue; // a comparison table's rating ("Scalability: Very High") out of its table answers nothing
            }
            String f = asked.stream().filter(c.sentence().subjects()::contains).findFirst().orElse(null);
            Optional<Claim> claim = kit.picker().claimAt(c.passage(), c.index(), f, c.score(), used);
            if (claim.isEmpty() && f != null) {
                claim = kit.picker().claimAt(c.passage(), c.index(), null, c.score(), used);
            }
            if (claim.isPresent()) {
                used.addAll(claim.get().sentenceKeys());
                out.add(draft.take(claim));
            }
        }
        return out;
    }

    /**
     * The covering candidate about {@code f} that holds most of the question's content words, the better ranked among
     * equals, as a claim; null when none.
     */
    private Claim sideOf(Evidence ev, String f, Draft draft) {
        List<Selection.Candidate> covering = new ArrayList<>(ev.selection().ranked().stream().filter(Selection.Candidate::covers).toList());
        covering.sort(Comparator.comparingDouble(Selection.Candidate::coverage).reversed()); // stable: rank among equals
        for (Selection.Candidate c : covering) {
            Optional<Claim> claim = kit.picker().claimAt(c.passage(), c.index(), f, c.score(), draft.used());
            // about f: its subject, or (a sentence leaning on the one before) squarely about it as quoted
            if (claim.isPresent() && (c.sentence().subjects().contains(f) || kit.picker().squarelyAbout(claim.get(), f))) {
                return draft.take(claim);
            }
        }
        return null;
    }

    /** "**Echo** (Go): " for one framework asked, "**NestJS** and **Express.js**: " for several, nothing for none. */
    private Draft.Piece leadIn(List<String> asked) {
        if (asked.isEmpty()) {
            return null;
        }
        return Draft.text((asked.size() == 1 ? kit.label(asked.get(0)) : Composition.boldNames(asked)) + ": ");
    }

    /**
     * The question as sentences are ranked against it: its topic words that the corpus uses (a word no
     * article has, like "multiplayer", cannot tell one sentence from another), and its embedding.
     */
    private Question questionOf(Evidence ev) {
        List<String> known = ev.topicTerms().stream().filter(stats::knownLoosely).toList();
        return new Question(known, ev.queryVector());
    }

    private Answer refusal(Evidence ev) {
        AnalyzedQuery q = ev.query();
        String why = switch (ev.gate().outcome()) {
            case NOT_COVERED -> "My sources don't cover " + Composition.joinNames(q.notCovered()) + ", so I can't answer that without guessing.";
            case NEEDS_CONTEXT -> "I'm not sure what that refers to: this conversation has no earlier question. "
                    + "Which framework do you mean?";
            case UNKNOWN_TERMS, NOT_ANSWERED -> notAnswered(ev);
            case NO_FACT -> "My sources don't give " + q.answerType().missing(q.frameworks().isEmpty() ? "this"
                    : Composition.joinNames(q.frameworks())) + ", and I won't guess."
                    + (q.frameworks().isEmpty() ? "" : " What they do cover is what " + Composition.joinNames(q.frameworks())
                    + (q.frameworks().size() == 1 ? " fits, its" : " fit, their") + " strengths and watch-outs.");
            // retrieval found it in scope, but no sentence could be quoted for what was asked
            case OK -> q.frameworks().isEmpty() ? "My sources touch on this but hold no sentence I can quote as an answer."
                    : "My sources mention " + Composition.joinNames(q.frameworks()) + " but say too little about "
                    + (q.frameworks().size() == 1 ? "it" : "them") + " to answer that.";
            case OFF_TOPIC -> "That isn't something my sources cover, so I won't guess.";
        };
        List<String> covered = new ArrayList<>(corpus.coveredFrameworks());
        String help = "I answer from " + corpus.documents().size() + " articles on backend frameworks — "
                + String.join(", ", covered.subList(0, Math.min(10, covered.size())))
                + " and more: what each fits, its strengths and watch-outs, and how to choose. "
                + "Try e.g. \"FastAPI or NestJS for an AI agent backend?\"";
        return new Answer(why + "\n" + help, List.of(), List.of(), false, AnswerMode.EXTRACTIVE, null, 0);
    }

    /**
     * "My sources don't cover "request body" … for NestJS, so I won't guess. What they do cover about NestJS: …": the
     * words no retrieved sentence covers, as the user typed them, and the headings of what the sources say about each
     * framework asked (no quote: a refusal cites nothing).
     */
    private String notAnswered(Evidence ev) {
        AnalyzedQuery q = ev.query();
        List<String> missing = ev.selection().uncovered();
        String subject = q.frameworks().isEmpty() ? "" : " for " + Composition.joinNames(q.frameworks());
        StringBuilder b = new StringBuilder(missing.isEmpty() ? "My sources don't answer that" + subject
                : "My sources don't cover " + Composition.joinNames(missing.stream().map(w -> "\"" + w + "\"").toList()) + subject);
        b.append(", so I won't guess.");
        for (String f : q.frameworks()) {
            LinkedHashSet<String> topics = new LinkedHashSet<>();
            for (RankedPassage r : ev.byFramework().getOrDefault(f, List.of())) {
                String leaf = r.passage().leafHeading();
                if (!leaf.isEmpty() && topics.size() < 4) {
                    topics.add(leaf);
                }
            }
            b.append(" What they do cover about ").append(f).append(": ")
                    .append(topics.isEmpty() ? "what it fits, its strengths and watch-outs" : String.join("; ", topics))
                    .append('.');
        }
        return b.toString();
    }

    private Citation citation(Claim c, int n) {
        Document d = corpus.document(c.first().documentId()).orElseThrow();
        return Citation.of(n, d, c.passage().section(), c.first().start(), c.last().end(), c.score());
    }

}
