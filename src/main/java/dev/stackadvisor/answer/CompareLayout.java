package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.RatingScale;
import dev.stackadvisor.retrieval.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Two to four frameworks side by side: a verdict that weighs them, then a block per framework. */
final class CompareLayout implements Layout {

    private final Composition kit;

    CompareLayout(Composition kit) {
        this.kit = kit;
    }

    /**
     * Two to four frameworks side by side: a verdict that weighs them on what was asked (a table's rating, a
     * framework the sources clearly lean to, or what the choice depends on), then a block per framework.
     */
    @Override
    public List<String> lay(Evidence ev, Question question, Draft draft) {
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
                Optional<Claim> direct = topic.isEmpty() ? Optional.empty() : kit.pick(ev, question, f, null, draft, kit.directRelevance());
                Claim c = draft.take(direct.isPresent() ? direct : kit.pick(ev, question, f, Set.of(Aspect.FIT), draft, 0));
                if (c != null) {
                    lead.put(f, c);
                    leadRelevance.put(f, kit.picker().relevance(c, question));
                }
            }
            String leaning = leaning(leadRelevance);
            boolean allOnPoint = !topic.isEmpty() && leadRelevance.size() == fs.size()
                    && leadRelevance.values().stream().allMatch(r -> r >= kit.directRelevance());
            List<String> teamFit = kit.teamFit(ev.query(), fs);
            if (leaning != null) {
                draft.verdict(Draft.text("For this, the sources lean to " + Composition.bold(leaning) + ": "), Draft.quote(lead.get(leaning)));
            } else if (!teamFit.isEmpty()) {
                // the question says what the team writes: that decides between frameworks the sources back alike
                teamVerdict = true;
                draft.verdict(Draft.text("It depends mostly on your team's language: " + Composition.boldNames(teamFit) + " keeps you in "
                        + kit.language(teamFit.get(0)) + "; beyond that, on the workload."));
            } else {
                draft.verdict(Draft.text((allOnPoint ? "The sources back " + (fs.size() == 2 ? "both " : "all of ")
                        + Composition.boldNames(fs) + " for this; it depends on " : "It depends on ") + dependsOn(fs) + "."));
            }
            for (String f : fs) {
                if (!f.equals(leaning) && lead.get(f) != null) {
                    draft.item(1, f, Composition.kind(lead.get(f).first().aspect()), lead.get(f));
                }
            }
        }
        if (!teamVerdict) {
            kit.languageNote(ev.query(), fs, draft);
        }
        Aspect first = ev.query().focus() == Aspect.WEAKNESS ? Aspect.WEAKNESS : Aspect.STRENGTH;
        Aspect second = first == Aspect.STRENGTH ? Aspect.WEAKNESS : Aspect.STRENGTH;
        for (String f : fs) {
            draft.item(4, f, Draft.Kind.OVERVIEW, draft.take(kit.pick(ev, question, f, Set.of(Aspect.OVERVIEW), draft, 0)));
            draft.item(2, f, Composition.kind(first), draft.take(kit.pick(ev, question, f, Set.of(first), draft, 0)));
            draft.item(2, f, Composition.kind(second), draft.take(kit.pick(ev, question, f, Set.of(second), draft, 0)));
        }
        for (String f : fs) {
            draft.item(3, f, Draft.Kind.FIT, draft.take(kit.pick(ev, question, f, Set.of(Aspect.FIT), draft, 0)));
        }
        kit.caseStudies(ev, question, fs, draft, 5);
        kit.disagreements(ev, question, fs, draft);
        return fs;
    }

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
            Optional<Claim> c = kit.picker().best(ev.byFramework().getOrDefault(f, List.of()), f, Set.of(Aspect.RATING),
                    new Question(ev.topicTerms(), null), Set.of(), kit.tuning().ratingsRelevance());
            if (c.isEmpty()) {
                return false;
            }
            for (String cell : c.get().display().split(";\\s*")) {
                // a rating is stated with its row, "NestJS — Scalability: High": the column is after the row label
                int row = cell.lastIndexOf(" — ");
                String[] kv = (row < 0 ? cell : cell.substring(row + 3)).split(":\\s*", 2);
                if (kv.length == 2 && kit.stats().coverage(ev.topicTerms(), kit.picker().termsOf(kv[0])) > 0
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
        ranked.sort((a, b) -> Integer.compare(RatingScale.rank(values.get(b)), RatingScale.rank(values.get(a))));
        List<Draft.Piece> line = new ArrayList<>();
        line.add(Draft.text("On " + column.toLowerCase(Locale.ROOT) + ", the " + kit.publisher(claims.get(ranked.get(0)))
                + " comparison table rates "));
        for (int i = 0; i < ranked.size(); i++) {
            String f = ranked.get(i);
            line.add(Draft.text((i == 0 ? "" : i == ranked.size() - 1 ? " and " : ", ") + Composition.bold(f) + " " + values.get(f)));
            line.add(Draft.cite(draft.take(Optional.of(claims.get(f)))));
        }
        line.add(Draft.text("."));
        draft.verdict(line.toArray(Draft.Piece[]::new));
        return true;
    }

    /** The leader when one framework's lead claim answers the question clearly better than the others'. */
    private String leaning(Map<String, Double> relevance) {
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
        return top >= kit.tuning().leaningMin() && second < kit.tuning().leaningMargin() * top ? best : null;
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
            String language = kit.language(f);
            if (language != null) {
                languages.add(language);
                each.add(Composition.bold(f) + ": " + language);
            }
        }
        return languages.size() > 1 ? "your team's language (" + String.join("; ", each) + ") and on the workload"
                : "the workload: what each fits is below";
    }
}
