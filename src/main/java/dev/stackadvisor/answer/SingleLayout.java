package dev.stackadvisor.answer;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.retrieval.AnalyzedQuery;
import dev.stackadvisor.retrieval.Evidence;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One framework: what answers the question about it, then its fit, strengths and watch-outs in the order asked. */
final class SingleLayout implements Layout {

    private final Composition kit;

    SingleLayout(Composition kit) {
        this.kit = kit;
    }

    /** One framework: the sentence that answers what was asked, then fit, strengths and watch-outs in the order asked. */
    @Override
    public List<String> lay(Evidence ev, Question question, Draft draft) {
        String f = ev.frameworks().get(0);
        AnalyzedQuery q = ev.query();
        Optional<Claim> answering = ev.topicTerms().isEmpty() ? Optional.empty() : kit.pick(ev, question, f, null, draft, kit.directRelevance());
        if (answering.isPresent() && !kit.picker().squarelyAbout(answering.get(), f) && q.focus() != null
                && kit.pick(ev, question, f, Set.of(q.focus()), draft, 0).filter(c -> kit.picker().squarelyAbout(c, f)).isPresent()) {
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
            draft.verdict(Draft.text(kit.label(f) + ": "), Draft.quote(direct));
        }
        int priority = direct == null ? 0 : 2;
        Aspect focus = q.focus();
        if (direct == null && (focus == Aspect.WEAKNESS || focus == Aspect.STRENGTH || focus == Aspect.FIT)
                && kit.pick(ev, question, f, Set.of(focus), draft, 0).isEmpty()) {
            // nothing of the kind asked: say so rather than refuse, and give what the sources do say
            draft.verdict(Draft.text("My sources list no " + plural(focus) + " for " + Composition.bold(f) + "; what they do say:"));
            order = List.of(Aspect.OVERVIEW, Aspect.FIT, Aspect.STRENGTH, Aspect.WEAKNESS);
            priority = 2;
        }
        for (Aspect a : order) {
            Claim c = draft.take(kit.pick(ev, question, f, Set.of(a), draft, 0));
            if (c != null && priority == 0) {
                draft.verdict(Draft.text(kit.label(f) + " — " + Composition.kind(a).label.toLowerCase(Locale.ROOT) + ": "), Draft.quote(c));
                priority = 2;
            } else if (c != null) {
                draft.item(priority++, f, Composition.kind(a), c);
            }
        }
        kit.languageNote(q, List.of(f), draft);
        kit.caseStudies(ev, question, List.of(f), draft, 6);
        kit.disagreements(ev, question, List.of(f), draft);
        return List.of(f);
    }

    private static String plural(Aspect a) {
        return switch (a) {
            case WEAKNESS -> "watch-outs";
            case STRENGTH -> "strengths";
            case FIT -> "particular fits";
            default -> "facts of that kind";
        };
    }
}
