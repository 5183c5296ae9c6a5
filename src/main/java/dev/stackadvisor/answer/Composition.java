package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Framework;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.retrieval.AnalyzedQuery;
import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.RankedPassage;
import dev.stackadvisor.retrieval.TermStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the layouts share: the claim picker, each framework's language and own passages, and the lines more than
 * one layout writes (context, team fit, case studies, disagreements). One per composer; immutable after
 * construction, so thread-safe (the picker is).
 */
final class Composition {

    private final Corpus corpus;
    private final TermStats stats;
    private final ClaimPicker picker;
    private final ComposerTuning tuning;
    private final Map<String, List<String>> points;
    private final Map<String, Framework> frameworks = new LinkedHashMap<>();
    /** Every passage tagged with a framework, in corpus order, unranked: where a framework's own claims are found. */
    private final Map<String, List<RankedPassage>> about = new LinkedHashMap<>();

    /**
     * @param points points articles can contradict each other on (how the answer names each → its analysed words),
     *               tried in this order (ordered: the first point found wins, so the same question gives the same
     *               bytes after a restart)
     */
    Composition(Corpus corpus, TermStats stats, ClaimPicker picker, ComposerTuning tuning, Map<String, List<String>> points) {
        this.points = points;
        this.corpus = corpus;
        this.stats = stats;
        this.picker = picker;
        this.tuning = tuning;
        for (Framework f : corpus.lexicon().frameworks()) {
            frameworks.put(f.name(), f);
        }
        for (Passage p : corpus.passages()) {
            for (String f : p.frameworks()) {
                about.computeIfAbsent(f, k -> new ArrayList<>()).add(new RankedPassage(p, 0, 0, 0));
            }
        }
    }

    ClaimPicker picker() {
        return picker;
    }

    TermStats stats() {
        return stats;
    }

    ComposerTuning tuning() {
        return tuning;
    }

    /** Share of the question's topic words a sentence must hold to be quoted as "the" answer to it. */
    double directRelevance() {
        return tuning.directRelevance();
    }

    /**
     * The best claim of the retrieved evidence about {@code f}. For a fit, strength or watch-out the evidence holds
     * only from a section about several frameworks, what the corpus says of {@code f} alone is weighed too (its
     * passages unranked): the right subject matters more than the retrieval rank.
     */
    Optional<Claim> pick(Evidence ev, Question question, String f, Set<Aspect> aspects, Draft draft, double minRelevance) {
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

    String publisher(Claim c) {
        return corpus.document(c.first().documentId()).map(d -> d.publisher() == null ? "one" : d.publisher()).orElse("one");
    }

    /**
     * A case study about a framework the answer discusses, when one speaks to the question: evidence, shown as
     * such ("One case study: …"), never as a strength or fit of its own.
     */
    void caseStudies(Evidence ev, Question question, List<String> fs, Draft draft, int priority) {
        if (ev.topicTerms().isEmpty()) {
            return;
        }
        for (String f : fs) {
            draft.item(priority, f, Draft.Kind.CASE_STUDY, draft.take(picker.caseStudy(
                    ev.byFramework().getOrDefault(f, List.of()), f, question, draft.used(), tuning.directRelevance())));
        }
    }

    /**
     * Where two articles disagree about a framework on the same point — one counts it among the fits or
     * strengths, another among the watch-outs (e.g. "large, enterprise-grade apps" vs "large-scale
     * applications may require additional architecture planning") — say so and quote both.
     */
    void disagreements(Evidence ev, Question question, List<String> fs, Draft draft) {
        for (String f : fs) {
            List<RankedPassage> evidence = ev.byFramework().getOrDefault(f, List.of());
            for (Map.Entry<String, List<String>> point : points.entrySet()) {
                Question on = new Question(point.getValue(), null);
                Optional<Claim> plus = picker.best(evidence, f, Set.of(Aspect.FIT, Aspect.STRENGTH), on, draft.used(), tuning.disagreementRelevance());
                Optional<Claim> minus = picker.best(evidence, f, Set.of(Aspect.WEAKNESS), on, draft.used(),
                        tuning.disagreementRelevance());
                if (plus.isPresent() && minus.isPresent()
                        && !plus.get().first().documentId().equals(minus.get().first().documentId())) {
                    draft.after(3, Draft.text("The sources differ on " + bold(f) + " for " + point.getKey() + ": "),
                            Draft.quote(draft.take(plus)), Draft.text(" But: "), Draft.quote(draft.take(minus)));
                    return;
                }
            }
        }
    }

    /** "Team fit: **Spring Boot** keeps you in Java/JVM; **FastAPI** means Python." — from the lexicon, not a quote. */
    void languageNote(AnalyzedQuery q, List<String> fs, Draft draft) {
        List<String> match = teamFit(q, fs);
        if (!match.isEmpty()) {
            List<String> other = fs.stream().filter(f -> !match.contains(f)).toList();
            draft.note(1, Draft.text("Team fit: " + boldNames(match) + " keeps you in " + language(match.get(0)) + "; "
                    + boldNames(other) + " means " + language(other.get(0)) + "."));
        }
    }

    /**
     * Those of {@code fs} in the first language the question says the team writes that only some of them are in;
     * empty when no such language.
     */
    List<String> teamFit(AnalyzedQuery q, List<String> fs) {
        for (String language : q.languages()) {
            List<String> match = fs.stream().filter(f -> language.equals(language(f))).toList();
            if (!match.isEmpty() && match.size() < fs.size()) {
                return match;
            }
        }
        return List.of();
    }

    /** "**Laravel** (PHP)": the framework with its language, the first thing a team weighs. */
    String label(String framework) {
        String language = language(framework);
        return language == null ? bold(framework) : bold(framework) + " (" + language + ")";
    }

    String language(String framework) {
        Framework f = frameworks.get(framework);
        return f == null ? null : f.language();
    }

    static String bold(String name) {
        return "**" + name + "**";
    }

    static String boldNames(List<String> names) {
        return joinNames(names.stream().map(Composition::bold).toList());
    }

    static Draft.Kind kind(Aspect a) {
        return switch (a) {
            case FIT -> Draft.Kind.FIT;
            case STRENGTH -> Draft.Kind.STRENGTH;
            case WEAKNESS -> Draft.Kind.WATCH_OUT;
            case OVERVIEW -> Draft.Kind.OVERVIEW;
            default -> Draft.Kind.POINT;
        };
    }

    static String joinNames(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
