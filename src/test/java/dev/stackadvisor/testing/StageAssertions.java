package dev.stackadvisor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.answer.Sections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The grounding contract of DESIGN.md checked on an {@link Answer} object (the stage tests' counterpart of
 * {@link AnswerAssertions}, which reads HTTP bodies over the real corpus): citations numbered 1..k, each quoting the
 * written document verbatim (white space folded), markers and citations one-to-one, every sectioned item the quote
 * of the citation it points at; a refusal cites nothing.
 */
public final class StageAssertions {

    private StageAssertions() {
    }

    /**
     * Asserts {@code answer} is grounded and keeps the contract against the documents {@code pipeline} wrote.
     *
     * @return its citations
     */
    public static List<Citation> assertGroundedAndVerbatim(Answer answer, StagePipeline pipeline) {
        assertTrue(answer.grounded(), () -> "expected a grounded answer: " + answer.text());
        List<Citation> citations = answer.citations();
        assertFalse(citations.isEmpty(), () -> "a grounded answer cites: " + answer.text());
        for (int i = 0; i < citations.size(); i++) {
            Citation c = citations.get(i);
            assertEquals(i + 1, c.n(), () -> "citations are numbered in order: " + citations);
            String source = fold(pipeline.sourceText(c.documentId()));
            assertTrue(source.contains(fold(c.quote())), () -> "not verbatim in " + c.documentId() + ": " + c.quote());
        }
        Set<Integer> used = new TreeSet<>(AnswerAssertions.markers(answer.text()));
        Set<Integer> numbered = new TreeSet<>();
        citations.forEach(c -> numbered.add(c.n()));
        assertEquals(numbered, used, () -> "markers and citations differ: " + answer.text());
        if (answer.sections() != null) {
            for (Sections.Framework f : answer.sections().frameworks()) {
                for (Sections.Labelled list : Sections.Framework.labelled(f)) {
                    for (Sections.Item item : list.items()) {
                        assertEquals(citations.get(item.n() - 1).quote(), item.text(),
                                () -> f.name() + " " + list.label() + " item is not the quote it cites: " + item);
                    }
                }
            }
        }
        return citations;
    }

    /** Asserts {@code answer} is a refusal: not grounded, nothing cited, no markers, no sections, some text. */
    public static void assertRefusal(Answer answer) {
        assertFalse(answer.grounded(), () -> "expected a refusal: " + answer.text());
        assertEquals(List.of(), answer.citations(), answer::text);
        assertTrue(AnswerAssertions.markers(answer.text()).isEmpty(), answer::text);
        assertNull(answer.sections(), answer::text);
        assertFalse(answer.text().isBlank(), "a refusal still says something");
    }

    private static String fold(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
