package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.Framework;
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
        this.picker = new ClaimPicker(keyword, corpus, sentences, stats);
        for (Framework f : corpus.lexicon().frameworks()) {
            frameworks.put(f.name(), f);
        }
    }

    /** Composes the answer for {@code evidence}; a refusal when the gate said the sources cannot answer. */
    public Answer compose(Evidence evidence) {
        if (!evidence.gate().grounded()) {
            return refusal(evidence);
        }
        Draft draft = new Draft();
        Set<String> used = new HashSet<>();
        List<String> about;
        AnalyzedQuery q = evidence.query();
        Question question = questionOf(evidence);
        if (evidence.fact() != null) {
            // the question asked for a kind of fact (a figure, a licence…): the sentence stating it comes first
            Fact f = evidence.fact();
            Claim stated = new Claim(f.sentence(), f.sentence(), f.sentence().display(), f.passage(), f.score());
            draft.line(0, stated);
            used.addAll(stated.sentenceKeys());
        }
        if (q.intent() == Intent.COMPARE || q.intent() == Intent.SINGLE) {
            about = q.intent() == Intent.COMPARE ? compare(evidence, question, draft, used) : single(evidence, question, draft, used);
        } else if (q.intent() == Intent.SCENARIO && !evidence.frameworks().isEmpty()) {
            about = scenario(evidence, question, draft, used);
        } else {
            about = concept(evidence, question, draft, used);
        }
        if (!q.notCovered().isEmpty()) {
            draft.line(0, "Not covered by my sources: " + String.join(", ", q.notCovered())
                    + ", so I can't weigh " + (q.notCovered().size() == 1 ? "it" : "them") + ".");
        }
        Draft.Rendered r = draft.render(MAX_WORDS, this::citation);
        if (r.citations().isEmpty()) {
            return refusal(evidence);
        }
        return new Answer(r.text(), r.citations(), about, true, "extractive", null, 0);
    }

    private List<String> compare(Evidence ev, Question question, Draft draft, Set<String> used) {
        List<String> fs = ev.frameworks().subList(0, Math.min(4, ev.frameworks().size()));
        List<String> topic = ev.topicTerms();
        if (!ratings(ev, question, fs, draft, used)) {
            Map<String, Claim> lead = new LinkedHashMap<>();
            Map<String, Double> leadRelevance = new LinkedHashMap<>();
            for (String f : fs) {
                if (lead.containsKey(f)) {
                    continue;
                }
                Optional<Claim> direct = topic.isEmpty() ? Optional.empty() : pick(ev, question, f, null, used, DIRECT_RELEVANCE);
                Optional<Claim> c = direct.isPresent() ? direct : pick(ev, question, f, Set.of(Aspect.FIT), used, 0);
                c.ifPresent(claim -> {
                    // one table row about "Gin / Echo" speaks for both: state it once, for both
                    for (String g : fs) {
                        if (g.equals(f) || (!lead.containsKey(g) && claim.first().subjects().contains(g))) {
                            lead.put(g, claim);
                            leadRelevance.put(g, picker.relevance(claim, question));
                        }
                    }
                    used.addAll(claim.sentenceKeys());
                });
            }
            String leaning = leaning(leadRelevance);
            boolean allOnPoint = !topic.isEmpty() && leadRelevance.size() == fs.size()
                    && leadRelevance.values().stream().allMatch(r -> r >= DIRECT_RELEVANCE);
            List<Object> verdict = new ArrayList<>();
            verdict.add(leaning != null ? "For this, the sources lean to " + leaning + ". "
                    : allOnPoint ? "The sources back " + (fs.size() == 2 ? "both" : "all of them") + " for this; team and workload decide. "
                    : "It depends on what you are building. ");
            Set<Claim> stated = new java.util.HashSet<>();
            for (String f : fs) {
                Claim c = lead.get(f);
                if (c != null && stated.add(c)) {
                    List<String> sharing = fs.stream().filter(g -> lead.get(g) == c).toList();
                    verdict.add(sharing.size() == 1 ? label(f) + ": " : joinNames(sharing) + ": ");
                    verdict.add(c);
                    verdict.add(" ");
                }
            }
            draft.line(0, verdict.toArray());
        }
        context(ev, question, draft, used, 1);
        languageNote(ev.query(), fs, draft);
        Aspect first = ev.query().focus() == Aspect.WEAKNESS ? Aspect.WEAKNESS : Aspect.STRENGTH;
        Aspect second = first == Aspect.STRENGTH ? Aspect.WEAKNESS : Aspect.STRENGTH;
        for (String f : fs) {
            Claim what = take(pick(ev, question, f, Set.of(Aspect.OVERVIEW), used, 0), used);
            Claim a = take(pick(ev, question, f, Set.of(first), used, 0), used);
            Claim b = take(pick(ev, question, f, Set.of(second), used, 0), used);
            List<Object> line = new ArrayList<>(List.of(f + " — "));
            if (what != null) {
                line.add(what);
                line.add(" ");
            }
            if (a != null) {
                line.add(label(first));
                line.add(a);
                line.add(" ");
            }
            if (b != null) {
                line.add(label(second));
                line.add(b);
            }
            if (a != null || b != null) {
                draft.line(2, line.toArray());
            }
        }
        for (String f : fs) {
            Claim fit = take(pick(ev, question, f, Set.of(Aspect.FIT), used, 0), used);
            if (fit != null) {
                draft.line(3, f + " — best fit: ", fit);
            }
        }
        disagreements(ev, question, fs, draft, used);
        return fs;
    }

    private List<String> single(Evidence ev, Question question, Draft draft, Set<String> used) {
        String f = ev.frameworks().get(0);
        AnalyzedQuery q = ev.query();
        Claim direct = ev.topicTerms().isEmpty() ? null : take(pick(ev, question, f, null, used, DIRECT_RELEVANCE), used);
        List<Aspect> order = switch (q.focus() == null ? Aspect.GENERAL : q.focus()) {
            case WEAKNESS -> List.of(Aspect.WEAKNESS, Aspect.WEAKNESS, Aspect.FIT);
            case STRENGTH -> List.of(Aspect.STRENGTH, Aspect.STRENGTH, Aspect.FIT, Aspect.WEAKNESS);
            case FIT -> List.of(Aspect.FIT, Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
            case OVERVIEW -> List.of(Aspect.OVERVIEW, Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
            default -> List.of(Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
        };
        if (direct != null) {
            draft.line(0, label(f) + ": ", direct);
        }
        int priority = direct == null ? 0 : 2;
        Aspect focus = q.focus();
        if (direct == null && (focus == Aspect.WEAKNESS || focus == Aspect.STRENGTH || focus == Aspect.FIT)
                && pick(ev, question, f, Set.of(focus), used, 0).isEmpty()) {
            // nothing of the kind asked: say so rather than refuse, and give what the sources do say
            draft.line(0, "My sources list no " + plural(focus) + " for " + f + "; what they do say:");
            order = List.of(Aspect.OVERVIEW, Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
            priority = 2;
        }
        for (Aspect a : order) {
            Claim c = take(pick(ev, question, f, Set.of(a), used, 0), used);
            if (c != null) {
                draft.line(priority, priority == 0 ? label(f) + " — " + label(a).toLowerCase(Locale.ROOT) : label(a), c);
                priority = priority == 0 ? 2 : priority + 1;
            }
        }
        context(ev, question, draft, used, 1);
        languageNote(q, List.of(f), draft);
        disagreements(ev, question, List.of(f), draft, used);
        return List.of(f);
    }

    private List<String> scenario(Evidence ev, Question question, Draft draft, Set<String> used) {
        List<String> fs = ev.frameworks();
        Claim general = take(picker.best(ev.general(), null, null, question, used, 0), used);
        draft.line(0, "For this, the sources point to " + joinNames(fs) + ". ", general);
        int priority = 1;
        for (String f : fs.subList(0, Math.min(3, fs.size()))) {
            Claim why = take(ev.topicTerms().isEmpty() ? Optional.empty() : pick(ev, question, f, Set.of(Aspect.FIT, Aspect.STRENGTH,
                    Aspect.OVERVIEW, Aspect.GENERAL), used, DIRECT_RELEVANCE), used);
            if (why == null) {
                why = take(pick(ev, question, f, Set.of(Aspect.FIT), used, 0), used);
            }
            Claim strength = take(pick(ev, question, f, Set.of(Aspect.STRENGTH), used, 0), used);
            Claim watch = take(pick(ev, question, f, Set.of(Aspect.WEAKNESS), used, 0), used);
            if (why != null) {
                draft.line(priority, label(f) + " — ", why);
            }
            if (strength != null) {
                draft.line(priority + 3, f + " — strengths: ", strength);
            }
            if (watch != null) {
                draft.line(priority + 2, f + " — watch out: ", watch);
            }
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
    private boolean ratings(Evidence ev, Question question, List<String> fs, Draft draft, Set<String> used) {
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
        List<Object> line = new ArrayList<>();
        line.add("On " + column.toLowerCase(Locale.ROOT) + ", the " + publisher(claims.get(ranked.get(0))) + " comparison table rates ");
        for (int i = 0; i < ranked.size(); i++) {
            String f = ranked.get(i);
            line.add((i == 0 ? "" : i == ranked.size() - 1 ? " and " : ", ") + f + " " + values.get(f));
            line.add(new Draft.Ref(claims.get(f)));
        }
        line.add(".");
        for (Claim c : claims.values()) {
            used.addAll(c.sentenceKeys());
        }
        draft.line(0, line.toArray());
        return true;
    }

    private String publisher(Claim c) {
        return corpus.document(c.first().documentId()).map(d -> d.publisher() == null ? "one" : d.publisher()).orElse("one");
    }

    /**
     * A general sentence (about no framework in particular) that answers the question itself, e.g. "Skip
     * microservice rewrites for framework fashion." for "should we rewrite our monolith as microservices?".
     */
    private void context(Evidence ev, Question question, Draft draft, Set<String> used, int priority) {
        if (ev.topicTerms().size() < 2) {
            return;
        }
        List<RankedPassage> top = ev.general().subList(0, Math.min(6, ev.general().size()));
        Optional<Claim> c = picker.best(top, null, Set.of(Aspect.GENERAL), question, used, 0.5);
        int matched = c.map(x -> picker.matched(x, question)).orElse(0);
        if (c.isPresent() && c.get().first().subjects().isEmpty()
                && (matched >= 3 || (matched >= 2 && picker.wordRelevance(c.get(), question) >= 0.6))) {
            draft.line(priority, "Worth knowing: ", take(c, used));
        }
    }

    private List<String> concept(Evidence ev, Question question, Draft draft, Set<String> used) {
        draft.line(0, "From the sources:");
        Set<String> passages = new HashSet<>();
        Set<String> named = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 4; i++) {
            List<RankedPassage> fresh = ev.general().stream().filter(r -> !passages.contains(r.passage().id())).toList();
            Claim c = take(picker.best(fresh, null, null, question, used, i == 0 ? 0 : 0.2), used);
            if (c == null) {
                break;
            }
            passages.add(c.passage().id());
            named.addAll(c.first().subjects());
            draft.line(i == 0 ? 0 : i, "- ", c);
        }
        return List.copyOf(named);
    }

    /**
     * Where two articles disagree about a framework on the same point — one counts it among the fits or
     * strengths, another among the watch-outs (e.g. "large, enterprise-grade apps" vs "large-scale
     * applications may require additional architecture planning") — say so and quote both.
     */
    private void disagreements(Evidence ev, Question question, List<String> fs, Draft draft, Set<String> used) {
        for (String f : fs) {
            List<RankedPassage> evidence = ev.byFramework().getOrDefault(f, List.of());
            for (Map.Entry<String, List<String>> point : POINTS.entrySet()) {
                Optional<Claim> plus = picker.best(evidence, f, Set.of(Aspect.FIT, Aspect.STRENGTH), new Question(point.getValue(), null), used, 0.99);
                Optional<Claim> minus = picker.best(evidence, f, Set.of(Aspect.WEAKNESS), new Question(point.getValue(), null), used, 0.99);
                if (plus.isPresent() && minus.isPresent()
                        && !plus.get().first().documentId().equals(minus.get().first().documentId())) {
                    draft.line(3, "The sources differ on " + f + " for " + point.getKey() + ": ", take(plus, used), " But: ",
                            take(minus, used));
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

    private Optional<Claim> pick(Evidence ev, Question question, String f, Set<Aspect> aspects, Set<String> used, double minRelevance) {
        return picker.best(ev.byFramework().getOrDefault(f, List.of()), f, aspects, question, used, minRelevance);
    }

    /**
     * The question as sentences are ranked against it: its topic words that the corpus uses (a word no
     * article has, like "multiplayer", cannot tell one sentence from another), and its embedding.
     */
    private Question questionOf(Evidence ev) {
        List<String> known = ev.topicTerms().stream().filter(stats::knownLoosely).toList();
        return new Question(known, ev.queryVector());
    }

    private static Claim take(Optional<Claim> c, Set<String> used) {
        c.ifPresent(claim -> used.addAll(claim.sentenceKeys()));
        return c.orElse(null);
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

    /** "Your team writes Java/JVM: Spring Boot keeps you in it." — from the lexicon, not a quote. */
    private void languageNote(AnalyzedQuery q, List<String> fs, Draft draft) {
        for (String language : q.languages()) {
            List<String> match = fs.stream().filter(f -> frameworks.containsKey(f)
                    && frameworks.get(f).language().equals(language)).toList();
            List<String> other = fs.stream().filter(f -> !match.contains(f)).toList();
            if (!match.isEmpty() && !other.isEmpty()) {
                draft.line(1, "Team fit: " + joinNames(match) + " keeps you in " + language + "; "
                        + joinNames(other) + " means " + frameworks.get(other.get(0)).language() + ".");
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

    /** "Laravel (PHP)": the framework with its language, the first thing a team weighs. */
    private String label(String framework) {
        Framework f = frameworks.get(framework);
        return f == null ? framework : framework + " (" + f.language() + ")";
    }

    private static String plural(Aspect a) {
        return switch (a) {
            case WEAKNESS -> "watch-outs";
            case STRENGTH -> "strengths";
            case FIT -> "particular fits";
            default -> "facts of that kind";
        };
    }

    private static String label(Aspect a) {
        return switch (a) {
            case FIT -> "Best fit: ";
            case STRENGTH -> "Strengths: ";
            case WEAKNESS -> "Watch out: ";
            case OVERVIEW -> "What it is: ";
            case RATING -> "Ratings: ";
            default -> "";
        };
    }

    static String joinNames(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
