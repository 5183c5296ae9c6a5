package dev.stackadvisor.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.answer.Citation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Ratings as eval cases: one case per answer from its newest rating, the fields of the eval format. */
class EvalExportTest {

    private static AnswerRecord answer(String id, List<String> turns, List<String> frameworks, boolean grounded) {
        List<Citation> citations = grounded ? List.of(new Citation(1, "doc-a", "A", null, "", "q", 0.03),
                new Citation(2, "doc-b", "B", "P", "", "r", 0.02), new Citation(3, "doc-a", "A", null, "", "s", 0.01))
                : List.of();
        return new AnswerRecord(id, "s-1", Instant.parse("2026-12-01T10:00:00Z"), turns, "the answer [1]", citations,
                "extractive", grounded, frameworks, 1.0, 0.5, null);
    }

    private static RatedAnswer rating(String feedbackId, Rating r, String comment, String at, AnswerRecord a) {
        return new RatedAnswer(feedbackId, r, comment, "api", Instant.parse(at), a);
    }

    @Test
    void should_keep_the_newest_rating_of_each_answer_in_the_order_they_were_given() {
        AnswerRecord first = answer("a-1", List.of("fastify vs nestjs?"), List.of("Fastify", "NestJS"), true);
        AnswerRecord second = answer("a-2", List.of("tell me about django", "and its limitations?"), List.of("Django"), true);
        List<EvalExport.Case> cases = EvalExport.cases(List.of(
                rating("f-3", Rating.DOWN, "changed my mind", "2026-12-01T10:03:00Z", first),
                rating("f-1", Rating.UP, null, "2026-12-01T10:01:00Z", first),
                rating("f-2", Rating.DOWN, "no word on the ORM", "2026-12-01T10:02:00Z", second)));

        assertEquals(List.of("fb-a-2", "fb-a-1"), cases.stream().map(EvalExport.Case::id).toList());
        EvalExport.Case compare = cases.get(1);
        assertEquals("compare", compare.kind());
        assertEquals(List.of("doc-a", "doc-b"), compare.sources(), "each cited document once, in citation order");
        assertTrue(compare.note().startsWith("rated down via api") && compare.note().contains("changed my mind"),
                compare.note());
        EvalExport.Case followUp = cases.get(0);
        assertEquals("followup", followUp.kind());
        assertEquals(List.of("tell me about django", "and its limitations?"), followUp.turns());
        assertEquals(List.of(), followUp.mustIncludeAny());
        assertEquals("feedback", followUp.family());
    }

    @ParameterizedTest
    @CsvSource({"UP, false, true", "DOWN, false, false", "UP, true, false", "DOWN, true, false"})
    void should_expect_a_refusal_only_for_a_refusal_rated_up(Rating r, boolean grounded, boolean expectRefusal) {
        AnswerRecord a = answer("a-3", List.of("capital of France?"), List.of(), grounded);
        EvalExport.Case c = EvalExport.toCase(rating("f-9", r, null, "2026-12-01T10:00:00Z", a));
        assertEquals(expectRefusal, c.expectRefusal());
        assertEquals(grounded ? 2 : 0, c.sources().size());
    }

    @Test
    void should_read_a_date_as_midnight_utc_and_an_instant_as_it_is() {
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), Since.parse("2026-12-01"));
        assertEquals(Instant.parse("2026-12-01T09:30:00Z"), Since.parse("2026-12-01T09:30:00Z"));
        assertEquals(Instant.EPOCH, Since.parse(null));
        assertEquals(Instant.EPOCH, Since.parse(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-12-01T09:30", "12/01/2026"})
    void should_refuse_other_dates_naming_the_forms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Since.parse(text));
        assertTrue(e.getMessage().contains("2026-12-01T09:30:00Z"), e.getMessage());
    }
}
