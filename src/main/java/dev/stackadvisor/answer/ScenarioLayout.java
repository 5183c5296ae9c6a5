package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.retrieval.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A situation, no framework named: the frameworks the evidence recommends, the first with why. */
final class ScenarioLayout implements Layout {

    private final Composition kit;

    ScenarioLayout(Composition kit) {
        this.kit = kit;
    }

    /** "What should we use for…": the frameworks the evidence recommends, the first named in the verdict with why. */
    @Override
    public List<String> lay(Evidence ev, Question question, Draft draft) {
        List<String> fs = ev.frameworks();
        List<String> shown = fs.subList(0, Math.min(3, fs.size()));
        draft.frameworks(shown);
        Map<String, Claim> why = new LinkedHashMap<>();
        for (String f : shown) {
            Claim c = draft.take(ev.topicTerms().isEmpty() ? Optional.empty() : kit.pick(ev, question, f, Set.of(Aspect.FIT,
                    Aspect.STRENGTH, Aspect.OVERVIEW, Aspect.GENERAL), draft, kit.directRelevance()));
            why.put(f, c != null ? c : draft.take(kit.pick(ev, question, f, Set.of(Aspect.FIT), draft, 0)));
        }
        Claim reason = why.get(fs.get(0));
        draft.verdict(Draft.text("For this, the sources point to " + Composition.boldNames(fs) + (reason == null ? "." : ": ")),
                reason == null ? null : Draft.quote(reason));
        int priority = 1;
        for (String f : shown) {
            if (f != fs.get(0)) {
                draft.item(priority, f, Draft.Kind.FIT, why.get(f));
            }
            draft.item(priority + 3, f, Draft.Kind.STRENGTH, draft.take(kit.pick(ev, question, f, Set.of(Aspect.STRENGTH), draft, 0)));
            draft.item(priority + 2, f, Draft.Kind.WATCH_OUT, draft.take(kit.pick(ev, question, f, Set.of(Aspect.WEAKNESS), draft, 0)));
            priority++;
        }
        kit.languageNote(ev.query(), fs, draft);
        return fs;
    }
}
