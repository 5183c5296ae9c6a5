package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.index.SentenceVectors;
import dev.stackadvisor.retrieval.AnalyzedQuery;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.Fact;
import dev.stackadvisor.retrieval.Intent;
import dev.stackadvisor.retrieval.RankedPassage;
import dev.stackadvisor.retrieval.TermStats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answerer used without an LLM (and as the LLM's fallback): every statement is a sentence quoted from a
 * retrieved passage, with a {@code [n]} marker, laid out by the kind of question:
 * <ul>
 *   <li>compare: a verdict line weighing the frameworks on what was asked (or on what each fits), then per
 *       framework its strengths and watch-outs, and where the articles contradict each other, that;</li>
 *   <li>single: the sentence that answers what was asked, then fit, strengths and watch-outs, in the order
 *       the question cares about;</li>
 *   <li>scenario: the frameworks the evidence recommends and why, each with a fit and a watch-out;</li>
 *   <li>concept: the few sentences that answer it best.</li>
 * </ul>
 * Pure and deterministic: the same evidence gives the same bytes. At most {@link #MAX_WORDS} words.
 */
public final class ExtractiveComposer {

    /** Word budget of an answer (markers not counted): a short answer a developer reads at a glance. */
    public static final int MAX_WORDS = 150;
    /** Share of the question's topic words a sentence must hold to be quoted as "the" answer to it. */
    static final double DIRECT_RELEVANCE = 0.34;


    private final Corpus corpus;
    private final TermStats stats;
    private final ClaimPicker picker;
    private final Map<String, Framework> frameworks = new LinkedHashMap<>();
    /** Every passage tagged with a framework, in corpus order, unranked: where a framework's own claims are found. */
    private final Map<String, List<RankedPassage>> about = new LinkedHashMap<>();
    /**
     * A claim's quote (its span of the document, white space folded) by {@link Claim#key()}, which names exactly
     * that span; claims are spans of the corpus, so this holds at most one entry per span the composer quotes.
     */
    private final Map<String, String> quotes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param sentences sentence embeddings for ranking quotes by meaning; null in keyword mode (words only)
     */
    public ExtractiveComposer(Corpus corpus, KeywordIndex keyword, TermStats stats, SentenceVectors sentences) {
        this.corpus = corpus;
        this.stats = stats;
        this.picker = new ClaimPicker(keyword, corpus, sentences, stats, Discourse.bundled());
        for (Framework f : corpus.lexicon().frameworks()) {
            frameworks.put(f.name(), f);
        }
        for (Passage p : corpus.passages()) {
            for (String f : p.frameworks()) {
                about.computeIfAbsent(f, k -> new ArrayList<>()).add(new RankedPassage(p, 0, 0, 0));
            }
        }
    }

    /** Composes the answer for {@code evidence}; a refusal when the gate said the sources cannot answer. */
    public Answer compose(Evidence evidence) {
        if (!evidence.gate().grounded()) {
            return refusal(evidence);
        }
        Draft draft = new Draft();
        List<String> about;
        AnalyzedQuery q = evidence.query();
        Question question = questionOf(evidence);
        if (evidence.fact() != null) {
            // the question asked for a kind of fact (a figure, a licence…): the sentence stating it is the verdict
            Fact f = evidence.fact();
            Claim stated = new Claim(f.sentence(), f.sentence(), f.sentence().display(), f.passage(), f.score());
            draft.verdict(Draft.quote(draft.take(Optional.of(stated))));
        }
        if (q.intent() == Intent.COMPARE || q.intent() == Intent.SINGLE) {
            about = q.intent() == Intent.COMPARE ? compare(evidence, question, draft) : single(evidence, question, draft);
        } else if (q.intent() == Intent.SCENARIO && !evidence.frameworks().isEmpty()) {
            about = scenario(evidence, question, draft);
        } else {
            about = concept(evidence, question, draft);
        }
        if (!q.notCovered().isEmpty()) {
            draft.after(0, Draft.text("Not covered by my sources: " + String.join(", ", q.notCovered())
                    + ", so I can't weigh " + (q.notCovered().size() == 1 ? "it" : "them") + "."));
        }
        Draft.Rendered r = draft.render(MAX_WORDS, this::citation, this::language);
        if (r.citations().isEmpty()) {
            return refusal(evidence);
        }
        return new Answer(r.text(), r.citations(), about, true, "extractive", null, 0, r.sections());
    }

    /**
     * Two to four frameworks side by side: a verdict that weighs them on what was asked (a table's rating, a
     * framework the sources clearly lean to, or what the choice depends on), then a block per framework.
     */
    private List<String> compare(Evidence ev, Question question, Draft draft) {
        List<String> fs = ev.frameworks().subList(0, Math.min(4, ev.frameworks().size()));
        List<String> topic = ev.topicTerms();
        draft.frameworks(fs);
        boolean teamVerdict = false;
        if (!ratings(ev, question, fs, draft)) {
            Map<String, Claim> lead = new LinkedHashMap<>();
            Map<String, Double> leadRelevance = new LinkedHashMap<>();
            for (String f : fs) {
                if (lead.containsKey(f)) {
                    continue;
                }
                Optional<Claim> direct = topic.isEmpty() ? Optional.empty() : pick(ev, question, f, null, draft, DIRECT_RELEVANCE);
                Claim c = draft.take(direct.isPresent() ? direct : pick(ev, question, f, Set.of(Aspect.FIT), draft, 0));
                if (c != null) {
                    lead.put(f, c);
                    leadRelevance.put(f, picker.relevance(c, question));
                }
            }
            String leaning = leaning(leadRelevance);
            boolean allOnPoint = !topic.isEmpty() && leadRelevance.size() == fs.size()
                    && leadRelevance.values().stream().allMatch(r -> r >= DIRECT_RELEVANCE);
            List<String> teamFit = teamFit(ev.query(), fs);
            if (leaning != null) {
                draft.verdict(Draft.text("For this, the sources lean to " + bold(leaning) + ": "), Draft.quote(lead.get(leaning)));
            } else if (!teamFit.isEmpty()) {
                // the question says what the team writes: that decides between frameworks the sources back alike
                teamVerdict = true;
                draft.verdict(Draft.text("It depends mostly on your team's language: " + boldNames(teamFit) + " keeps you in "
                        + language(teamFit.get(0)) + "; beyond that, on the workload."));
            } else {
                draft.verdict(Draft.text((allOnPoint ? "The sources back " + (fs.size() == 2 ? "both " : "all of ")
                        + boldNames(fs) + " for this; it depends on " : "It depends on ") + dependsOn(fs) + "."));
            }
            for (String f : fs) {
                if (!f.equals(leaning) && lead.get(f) != null) {
                    draft.item(1, f, kind(lead.get(f).first().aspect()), lead.get(f));
                }
            }
        }
        context(ev, question, draft, 1);
        if (!teamVerdict) {
            languageNote(ev.query(), fs, draft);
        }
        Aspect first = ev.query().focus() == Aspect.WEAKNESS ? Aspect.WEAKNESS : Aspect.STRENGTH;
        Aspect second = first == Aspect.STRENGTH ? Aspect.WEAKNESS : Aspect.STRENGTH;
        for (String f : fs) {
            draft.item(4, f, Draft.Kind.OVERVIEW, draft.take(pick(ev, question, f, Set.of(Aspect.OVERVIEW), draft, 0)));
            draft.item(2, f, kind(first), draft.take(pick(ev, question, f, Set.of(first), draft, 0)));
            draft.item(2, f, kind(second), draft.take(pick(ev, question, f, Set.of(second), draft, 0)));
        }
        for (String f : fs) {
            draft.item(3, f, Draft.Kind.FIT, draft.take(pick(ev, question, f, Set.of(Aspect.FIT), draft, 0)));
        }
        caseStudies(ev, question, fs, draft, 5);
        disagreements(ev, question, fs, draft);
        return fs;
    }

    /** One framework: the sentence that answers what was asked, then fit, strengths and watch-outs in the order asked. */
    private List<String> single(Evidence ev, Question question, Draft draft) {
        String f = ev.frameworks().get(0);
        AnalyzedQuery q = ev.query();
        Optional<Claim> answering = ev.topicTerms().isEmpty() ? Optional.empty() : pick(ev, question, f, null, draft, DIRECT_RELEVANCE);
        if (answering.isPresent() && !picker.squarelyAbout(answering.get(), f) && q.focus() != null
                && pick(ev, question, f, Set.of(q.focus()), draft, 0).filter(c -> picker.squarelyAbout(c, f)).isPresent()) {
            // the question's words match a section about several frameworks, but the sources say this of it alone
            answering = Optional.empty();
        }
        Claim direct = draft.take(answering);
        List<Aspect> order = switch (q.focus() == null ? Aspect.GENERAL : q.focus()) {
            case WEAKNESS -> List.of(Aspect.WEAKNESS, Aspect.WEAKNESS, Aspect.FIT);
            case STRENGTH -> List.of(Aspect.STRENGTH, Aspect.STRENGTH, Aspect.FIT, Aspect.WEAKNESS);
            case FIT -> List.of(Aspect.FIT, Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
            case OVERVIEW -> List.of(Aspect.OVERVIEW, Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
            default -> List.of(Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
        };
        if (direct != null) {
            draft.verdict(Draft.text(label(f) + ": "), Draft.quote(direct));
        }
        int priority = direct == null ? 0 : 2;
        Aspect focus = q.focus();
        if (direct == null && (focus == Aspect.WEAKNESS || focus == Aspect.STRENGTH || focus == Aspect.FIT)
                && pick(ev, question, f, Set.of(focus), draft, 0).isEmpty()) {
            // nothing of the kind asked: say so rather than refuse, and give what the sources do say
            draft.verdict(Draft.text("My sources list no " + plural(focus) + " for " + bold(f) + "; what they do say:"));
            order = List.of(Aspect.OVERVIEW, Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
            priority = 2;
        }
        for (Aspect a : order) {
            Claim c = draft.take(pick(ev, question, f, Set.of(a), draft, 0));
            if (c != null && priority == 0) {
                draft.verdict(Draft.text(label(f) + " — " + kind(a).label.toLowerCase(Locale.ROOT) + ": "), Draft.quote(c));
                priority = 2;
            } else if (c != null) {
                draft.item(priority++, f, kind(a), c);
            }
        }
        context(ev, question, draft, 1);
        languageNote(q, List.of(f), draft);
        caseStudies(ev, question, List.of(f), draft, 6);
        disagreements(ev, question, List.of(f), draft);
        return List.of(f);
    }

    /** "What should we use for…": the frameworks the evidence recommends, the first named in the verdict with why. */
    private List<String> scenario(Evidence ev, Question question, Draft draft) {
        List<String> fs = ev.frameworks();
        List<String> shown = fs.subList(0, Math.min(3, fs.size()));
        draft.frameworks(shown);
        Map<String, Claim> why = new LinkedHashMap<>();
        for (String f : shown) {
            Claim c = draft.take(ev.topicTerms().isEmpty() ? Optional.empty() : pick(ev, question, f, Set.of(Aspect.FIT,
                    Aspect.STRENGTH, Aspect.OVERVIEW, Aspect.GENERAL), draft, DIRECT_RELEVANCE));
            why.put(f, c != null ? c : draft.take(pick(ev, question, f, Set.of(Aspect.FIT), draft, 0)));
        }
        Claim reason = why.get(fs.get(0));
        draft.verdict(Draft.text("For this, the sources point to " + boldNames(fs) + (reason == null ? "." : ": ")),
                reason == null ? null : Draft.quote(reason));
        int priority = 1;
        for (String f : shown) {
            if (f != fs.get(0)) {
                draft.item(priority, f, Draft.Kind.FIT, why.get(f));
            }
            draft.item(priority + 3, f, Draft.Kind.STRENGTH, draft.take(pick(ev, question, f, Set.of(Aspect.STRENGTH), draft, 0)));
            draft.item(priority + 2, f, Draft.Kind.WATCH_OUT, draft.take(pick(ev, question, f, Set.of(Aspect.WEAKNESS), draft, 0)));
            priority++;
        }
        languageNote(ev.query(), fs, draft);
        return fs;
    }

    /** Rating words of comparison tables, weakest first ("Growing" is maturing: below "Moderate"). */
    private static final List<String> RATING_ORDER = List.of("low", "growing", "moderate", "medium", "moderate-high",
            "high", "very high", "extremely high");

    /**
     * When a table rates every compared framework on what the question asks about ("which scales best?" →
     * Scalability), the verdict ranks them by it, citing each rating.
     *
     * @return whether such a verdict was written
     */
    private boolean ratings(Evidence ev, Question question, List<String> fs, Draft draft) {
        if (ev.topicTerms().isEmpty() || fs.size() < 2) {
            return false;
        }
        String column = null;
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (String f : fs) {
            Optional<Claim> c = picker.best(ev.byFramework().getOrDefault(f, List.of()), f, Set.of(Aspect.RATING),
                    new Question(ev.topicTerms(), null), Set.of(), 0.5);
            if (c.isEmpty()) {
                return false;
            }
            for (String cell : c.get().display().split(";\\s*")) {
                String[] kv = cell.split(":\\s*", 2);
                if (kv.length == 2 && stats.coverage(ev.topicTerms(), picker.termsOf(kv[0])) > 0
                        && (column == null || column.equals(kv[0]))) {
                    column = kv[0];
                    values.put(f, kv[1]);
                    claims.put(f, c.get());
                    break;
                }
            }
            if (!values.containsKey(f)) {
                return false;
            }
        }
        List<String> ranked = new ArrayList<>(fs);
        ranked.sort((a, b) -> Integer.compare(RATING_ORDER.indexOf(values.get(b).toLowerCase(Locale.ROOT)),
                RATING_ORDER.indexOf(values.get(a).toLowerCase(Locale.ROOT))));
        List<Draft.Piece> line = new ArrayList<>();
        line.add(Draft.text("On " + column.toLowerCase(Locale.ROOT) + ", the " + publisher(claims.get(ranked.get(0)))
                + " comparison table rates "));
        for (int i = 0; i < ranked.size(); i++) {
            String f = ranked.get(i);
            line.add(Draft.text((i == 0 ? "" : i == ranked.size() - 1 ? " and " : ", ") + bold(f) + " " + values.get(f)));
            line.add(Draft.cite(draft.take(Optional.of(claims.get(f)))));
        }
        line.add(Draft.text("."));
        draft.verdict(line.toArray(Draft.Piece[]::new));
        return true;
    }

    private String publisher(Claim c) {
        return corpus.document(c.first().documentId()).map(d -> d.publisher() == null ? "one" : d.publisher()).orElse("one");
    }

    /**
     * A general sentence (about no framework in particular) that answers the question itself, e.g. "Skip
     * microservice rewrites for framework fashion." for "should we rewrite our monolith as microservices?".
     */
    private void context(Evidence ev, Question question, Draft draft, int priority) {
        if (ev.topicTerms().size() < 2) {
            return;
        }
        List<RankedPassage> top = ev.general().subList(0, Math.min(6, ev.general().size()));
        Optional<Claim> c = picker.best(top, null, Set.of(Aspect.GENERAL), question, draft.used(), 0.5);
        int matched = c.map(x -> picker.matched(x, question)).orElse(0);
        if (c.isPresent() && c.get().first().subjects().isEmpty()
                && (matched >= 3 || (matched >= 2 && picker.wordRelevance(c.get(), question) >= 0.6))) {
            draft.note(priority, Draft.text("Worth knowing: "), Draft.quote(draft.take(c)));
        }
    }

    /** A question about no framework in particular: the sentence that answers it best, then up to three more. */
    private List<String> concept(Evidence ev, Question question, Draft draft) {
        Set<String> passages = new HashSet<>();
        Set<String> named = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 4; i++) {
            List<RankedPassage> fresh = ev.general().stream().filter(r -> !passages.contains(r.passage().id())).toList();
            Claim c = draft.take(picker.best(fresh, null, null, question, draft.used(), i == 0 ? 0 : 0.2));
            if (c == null) {
                break;
            }
            passages.add(c.passage().id());
            named.addAll(c.first().subjects());
            if (i == 0) {
                draft.verdict(Draft.quote(c));
            } else {
                draft.bullet(i, c);
            }
        }
        return List.copyOf(named);
    }

    /**
     * A case study about a framework the answer discusses, when one speaks to the question: evidence, shown as
     * such ("One case study: …"), never as a strength or fit of its own.
     */
    private void caseStudies(Evidence ev, Question question, List<String> fs, Draft draft, int priority) {
        if (ev.topicTerms().isEmpty()) {
            return;
        }
        for (String f : fs) {
            draft.item(priority, f, Draft.Kind.CASE_STUDY, draft.take(picker.caseStudy(
                    ev.byFramework().getOrDefault(f, List.of()), f, question, draft.used(), DIRECT_RELEVANCE)));
        }
    }

    /**
     * Where two articles disagree about a framework on the same point — one counts it among the fits or
     * strengths, another among the watch-outs (e.g. "large, enterprise-grade apps" vs "large-scale
     * applications may require additional architecture planning") — say so and quote both.
     */
    private void disagreements(Evidence ev, Question question, List<String> fs, Draft draft) {
        for (String f : fs) {
            List<RankedPassage> evidence = ev.byFramework().getOrDefault(f, List.of());
            for (Map.Entry<String, List<String>> point : POINTS.entrySet()) {
                Question on = new Question(point.getValue(), null);
                Optional<Claim> plus = picker.best(evidence, f, Set.of(Aspect.FIT, Aspect.STRENGTH), on, draft.used(), 0.99);
                Optional<Claim> minus = picker.best(evidence, f, Set.of(Aspect.WEAKNESS), on, draft.used(), 0.99);
                if (plus.isPresent() && minus.isPresent()
                        && !plus.get().first().documentId().equals(minus.get().first().documentId())) {
                    draft.after(3, Draft.text("The sources differ on " + bold(f) + " for " + point.getKey() + ": "),
                            Draft.quote(draft.take(plus)), Draft.text(" But: "), Draft.quote(draft.take(minus)));
                    return;
                }
            }
        }
    }

    /**
     * Points on which articles can contradict each other, with the stems that name them, tried in this order (an
     * ordered map: {@code Map.of} iterates in an order that changes between JVM runs, and the first point found
     * wins, so the same question could give different bytes after a restart). "realtime" is how the analyzer
     * writes real-time, real time and realtime.
     */
    private static final Map<String, List<String>> POINTS = orderedPoints();

    private static Map<String, List<String>> orderedPoints() {
        Map<String, List<String>> points = new LinkedHashMap<>();
        points.put("large applications", List.of("larg"));
        points.put("enterprise use", List.of("enterpris"));
        points.put("real-time work", List.of("realtim"));
        points.put("small projects", List.of("small"));
        return java.util.Collections.unmodifiableMap(points);
    }

    /**
     * The best claim of the retrieved evidence about {@code f}. For a fit, strength or watch-out the evidence holds
     * only from a section about several frameworks, what the corpus says of {@code f} alone is weighed too (its
     * passages unranked): the right subject matters more than the retrieval rank.
     */
    private Optional<Claim> pick(Evidence ev, Question question, String f, Set<Aspect> aspects, Draft draft, double minRelevance) {
        List<RankedPassage> evidence = ev.byFramework().getOrDefault(f, List.of());
        Optional<Claim> best = picker.best(evidence, f, aspects, question, draft.used(), minRelevance);
        if (aspects == null || best.filter(c -> picker.squarelyAbout(c, f)).isPresent()) {
            return best;
        }
        Optional<Claim> own = picker.best(about.getOrDefault(f, List.of()), f, aspects, question, draft.used(), minRelevance)
                .filter(c -> picker.squarelyAbout(c, f));
        if (own.isEmpty()) {
            return best;
        }
        // cite it with its passage's fused score when retrieval ranked that passage (0 when it did not)
        Claim c = own.get();
        double score = evidence.stream().filter(r -> r.passage().id().equals(c.passage().id()))
                .mapToDouble(RankedPassage::score).findFirst().orElse(0);
        return Optional.of(new Claim(c.first(), c.last(), c.display(), c.passage(), score));
    }

    /**
     * The question as sentences are ranked against it: its topic words that the corpus uses (a word no
     * article has, like "multiplayer", cannot tell one sentence from another), and its embedding.
     */
    private Question questionOf(Evidence ev) {
        List<String> known = ev.topicTerms().stream().filter(stats::knownLoosely).toList();
        return new Question(known, ev.queryVector());
    }

    /** The leader when one framework's lead claim answers the question clearly better than the others'. */
    private static String leaning(Map<String, Double> relevance) {
        String best = null;
        double top = 0;
        double second = 0;
        for (Map.Entry<String, Double> e : relevance.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return top >= 0.5 && second < 0.5 * top ? best : null;
    }

    /** The frameworks in the language the question says the team writes, when only some of {@code fs} are. */
    private List<String> teamFit(AnalyzedQuery q, List<String> fs) {
        for (String language : q.languages()) {
            List<String> match = fs.stream().filter(f -> language.equals(language(f))).toList();
            if (!match.isEmpty() && match.size() < fs.size()) {
                return match;
            }
        }
        return List.of();
    }

    /** "Your team writes Java/JVM: Spring Boot keeps you in it." — from the lexicon, not a quote. */
    private void languageNote(AnalyzedQuery q, List<String> fs, Draft draft) {
        for (String language : q.languages()) {
            List<String> match = fs.stream().filter(f -> frameworks.containsKey(f)
                    && frameworks.get(f).language().equals(language)).toList();
            List<String> other = fs.stream().filter(f -> !match.contains(f)).toList();
            if (!match.isEmpty() && !other.isEmpty()) {
                draft.note(1, Draft.text("Team fit: " + boldNames(match) + " keeps you in " + language + "; "
                        + boldNames(other) + " means " + frameworks.get(other.get(0)).language() + "."));
                return;
            }
        }
    }

    private Answer refusal(Evidence ev) {
        AnalyzedQuery q = ev.query();
        String why = switch (ev.gate().reason()) {
            case "not_covered" -> "My sources don't cover " + joinNames(q.notCovered()) + ", so I can't answer that without guessing.";
            case "needs_context" -> "I'm not sure what that refers to: this conversation has no earlier question. "
                    + "Which framework do you mean?";
            case "unknown_terms" -> "My sources don't say" + (q.frameworks().isEmpty() ? "" : " that about " + joinNames(q.frameworks()))
                    + ": they hold no facts of that kind (versions, prices, popularity counts…), and I won't guess.";
            case "no_fact" -> "My sources don't give " + q.answerType().missing(q.frameworks().isEmpty() ? "this"
                    : joinNames(q.frameworks())) + ", and I won't guess."
                    + (q.frameworks().isEmpty() ? "" : " What they do cover is what " + joinNames(q.frameworks())
                    + (q.frameworks().size() == 1 ? " fits, its" : " fit, their") + " strengths and watch-outs.");
            // retrieval found it in scope, but no sentence could be quoted for what was asked
            case "ok" -> q.frameworks().isEmpty() ? "My sources touch on this but hold no sentence I can quote as an answer."
                    : "My sources mention " + joinNames(q.frameworks()) + " but say too little about "
                    + (q.frameworks().size() == 1 ? "it" : "them") + " to answer that.";
            default -> "That isn't something my sources cover, so I won't guess.";
        };
        List<String> covered = new ArrayList<>(corpus.coveredFrameworks());
        String help = "I answer from " + corpus.documents().size() + " articles on backend frameworks — "
                + String.join(", ", covered.subList(0, Math.min(10, covered.size())))
                + " and more: what each fits, its strengths and watch-outs, and how to choose. "
                + "Try e.g. \"FastAPI or NestJS for an AI agent backend?\"";
        return new Answer(why + "\n" + help, List.of(), List.of(), false, "extractive", null, 0);
    }

    private Citation citation(Claim c, int n) {
        Document d = corpus.document(c.first().documentId()).orElseThrow();
        String quote = quotes.computeIfAbsent(c.key(),
                k -> dev.stackadvisor.corpus.Segmenter.fold(d.text().substring(c.first().start(), c.last().end())));
        return new Citation(n, d.id(), d.title(), d.publisher(), c.passage().section(), quote,
                Math.round(c.score() * 10000) / 10000.0);
    }

    /** "**Laravel** (PHP)": the framework with its language, the first thing a team weighs. */
    private String label(String framework) {
        String language = language(framework);
        return language == null ? bold(framework) : bold(framework) + " (" + language + ")";
    }

    private String language(String framework) {
        Framework f = frameworks.get(framework);
        return f == null ? null : f.language();
    }

    /**
     * What a comparison without a clear winner depends on: the team's language when the frameworks are in
     * different ones ("your team's language (FastAPI: Python; NestJS: TypeScript/JavaScript) and the workload"),
     * else the workload each fits (their blocks say which).
     */
    private String dependsOn(List<String> fs) {
        Set<String> languages = new java.util.LinkedHashSet<>();
        List<String> each = new ArrayList<>();
        for (String f : fs) {
            String language = language(f);
            if (language != null) {
                languages.add(language);
                each.add(bold(f) + ": " + language);
            }
        }
        return languages.size() > 1 ? "your team's language (" + String.join("; ", each) + ") and on the workload"
                : "the workload: what each fits is below";
    }

    private static String bold(String name) {
        return "**" + name + "**";
    }

    private static String boldNames(List<String> names) {
        return joinNames(names.stream().map(ExtractiveComposer::bold).toList());
    }

    private static Draft.Kind kind(Aspect a) {
        return switch (a) {
            case FIT -> Draft.Kind.FIT;
            case STRENGTH -> Draft.Kind.STRENGTH;
            case WEAKNESS -> Draft.Kind.WATCH_OUT;
            case OVERVIEW -> Draft.Kind.OVERVIEW;
            default -> Draft.Kind.POINT;
        };
    }

    private static String plural(Aspect a) {
        return switch (a) {
            case WEAKNESS -> "watch-outs";
            case STRENGTH -> "strengths";
            case FIT -> "particular fits";
            default -> "facts of that kind";
        };
    }

    static String joinNames(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
