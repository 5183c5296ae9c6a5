package dev.stackadvisor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Aspect;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Sentence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed draft on hand-made claims: budget, numbering in reading order, Markdown and sections agree. */
class DraftTest {

    private static Claim claim(int start, String text) {
        Sentence s = new Sentence("doc", start, start + text.length(), text, text, List.of("FastAPI"), List.of("FastAPI"),
                Aspect.STRENGTH, -1, false);
        Passage p = new Passage("doc#" + start, "doc", "FastAPI", start, start + text.length(), text, List.of(s), List.of("FastAPI"));
        return new Claim(s, s, text, p, 0.03);
    }

    private static Citation citation(Claim c, int n) {
        return new Citation(n, "doc", "Doc", null, c.passage().section(), c.display(), c.score());
    }

    private static Draft.Rendered render(Draft d, int words) {
        return d.render(words, DraftTest::citation, f -> f.equals("FastAPI") ? "Python" : null);
    }

    @Test
    void should_number_claims_in_reading_order_and_state_them_in_text_and_sections_alike() {
        Claim verdict = claim(0, "Model serving favors FastAPI.");
        Claim strength = claim(100, "FastAPI is async and typed.");
        Claim watch = claim(200, "Async pitfalls if you block the event loop");
        Draft d = new Draft();
        // added out of reading order: the verdict is numbered first all the same
        d.item(2, "FastAPI", Draft.Kind.WATCH_OUT, watch);
        d.item(2, "FastAPI", Draft.Kind.STRENGTH, strength);
        d.verdict(Draft.text("For this, the sources lean to **FastAPI**: "), Draft.quote(verdict));

        Draft.Rendered r = render(d, 150);

        assertEquals("""
                For this, the sources lean to **FastAPI**: Model serving favors FastAPI [1].

                **FastAPI** (Python)
                - Watch out: Async pitfalls if you block the event loop [2].
                - Strength: FastAPI is async and typed [3].""", r.text());
        assertEquals(List.of(1, 2, 3), r.citations().stream().map(Citation::n).toList());
        Sections.Framework f = r.sections().frameworks().get(0);
        assertEquals(new Sections.Item("FastAPI is async and typed.", 3), f.strengths().get(0));
        assertEquals(new Sections.Item("Async pitfalls if you block the event loop", 2), f.watchOuts().get(0));
        assertEquals("For this, the sources lean to **FastAPI**: Model serving favors FastAPI [1].", r.sections().verdict());
    }

    @Test
    void should_order_a_blocks_items_by_relevance_to_the_question_then_as_laid_out() {
        Claim fit = claim(0, "APIs for mobile apps");
        Claim strength = claim(100, "FastAPI is async and typed.");
        Claim watch = claim(200, "Async pitfalls if you block the event loop");
        Draft d = new Draft();
        d.item(2, "FastAPI", Draft.Kind.FIT, fit);
        d.item(2, "FastAPI", Draft.Kind.STRENGTH, strength);
        d.item(2, "FastAPI", Draft.Kind.WATCH_OUT, watch);

        // the question was about async: the two claims that speak to it come first, equal ones as laid out
        Draft.Rendered r = d.render(150, DraftTest::citation, f -> "Python",
                c -> c.display().toLowerCase().contains("async") ? 1 : 0);

        assertEquals("""
                **FastAPI** (Python)
                - Strength: FastAPI is async and typed [1].
                - Watch out: Async pitfalls if you block the event loop [2].
                - Fit: APIs for mobile apps [3].""", r.text());
    }

    @Test
    void should_drop_the_least_important_entries_until_the_budget_holds() {
        Draft d = new Draft();
        d.verdict(Draft.quote(claim(0, "one two three four five")));
        d.item(3, "FastAPI", Draft.Kind.FIT, claim(100, "six seven eight nine ten"));
        d.item(2, "FastAPI", Draft.Kind.STRENGTH, claim(200, "eleven twelve thirteen fourteen fifteen"));

        // 5 (verdict) + 5 + 1 label "Strength:" + 2 heading words "FastAPI Python" = 13; the fit (priority 3) goes
        Draft.Rendered r = render(d, 13);

        assertTrue(r.text().contains("eleven") && !r.text().contains("six"), r.text());
        assertEquals(2, r.citations().size());
        assertEquals(List.of(), r.sections().frameworks().get(0).fit());
    }

    @Test
    void should_keep_priority_zero_over_budget_and_never_quote_a_sentence_twice() {
        Draft d = new Draft();
        Claim c = claim(0, "a b c d e f g h i j");
        assertEquals(c, d.take(Optional.of(c)));
        d.verdict(Draft.quote(c));

        Draft.Rendered r = render(d, 3);

        assertEquals("a b c d e f g h i j [1].", r.text());
        assertTrue(d.used().containsAll(c.sentenceKeys()));
    }
}
