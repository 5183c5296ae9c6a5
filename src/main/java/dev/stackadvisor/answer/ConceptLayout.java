package dev.stackadvisor.answer;

import dev.stackadvisor.retrieval.Evidence;
import dev.stackadvisor.retrieval.RankedPassage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A question about no framework in particular: the best answering sentence, then up to three more. */
final class ConceptLayout implements Layout {

    private final Composition kit;

    ConceptLayout(Composition kit) {
        this.kit = kit;
    }

    /** A question about no framework in particular: the sentence that answers it best, then up to three more. */
    @Override
    public List<String> lay(Evidence ev, Question question, Draft draft) {
        Set<String> passages = new HashSet<>();
        Set<String> named = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 4; i++) {
            List<RankedPassage> fresh = ev.general().stream().filter(r -> !passages.contains(r.passage().id())).toList();
            Claim c = draft.take(kit.picker().best(fresh, null, null, question, draft.used(), i == 0 ? 0 : kit.tuning().conceptRelevance()));
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
}
