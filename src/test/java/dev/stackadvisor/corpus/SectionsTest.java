package dev.stackadvisor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The section state: guessed headings (sections, labelled and repeated sub-headings, captions) and laid-out ones. */
class SectionsTest {

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final Sections sections = new Sections(lexicon, new AspectClassifier(), List.of());

    @Test
    void should_open_a_section_on_a_guessed_heading_naming_a_framework() {
        assertTrue(sections.guessed("Django (Python)", false));

        assertEquals("Django (Python)", sections.path());
        assertEquals(List.of("Django"), sections.subjects());
        assertEquals(List.of("Django"), sections.lastSubjects());
        assertNull(sections.aspect());
    }

    @Test
    void should_make_a_labelled_or_repeated_heading_a_sub_heading_of_its_section() {
        sections.guessed("Django (Python)", false);
        sections.contentAdded();
        assertTrue(sections.guessed("Strengths", false));

        assertEquals("Django (Python) › Strengths", sections.path());
        assertEquals(Aspect.STRENGTH, sections.aspect());
        assertEquals(List.of("Django"), sections.subjects(), "a sub-heading keeps its section's frameworks");

        sections.contentAdded();
        assertTrue(sections.guessed("Getting started today", true));
        assertEquals("Django (Python) › Getting started today", sections.path());

        sections.contentAdded();
        assertTrue(sections.guessed("Getting started today", false), "said once, it opens a section of its own");
        assertEquals("Getting started today", sections.path());
        assertEquals(List.of(), sections.subjects());
    }

    @Test
    void should_take_a_caption_under_its_heading_for_no_heading() {
        sections.guessed("Go and its web frameworks", false);

        assertFalse(sections.guessed("Go and its web frameworks", false), "the heading repeated as a caption");
        assertFalse(sections.guessed("Go", false), "a caption naming only the section's framework");
        assertFalse(sections.guessed("Web frameworks", false), "a caption using only the heading's words");
        assertEquals("Go and its web frameworks", sections.path());

        sections.contentAdded();
        assertTrue(sections.guessed("Go", false), "after some text, the same line is a heading again");
    }

    @Test
    void should_nest_laid_out_headings_by_level_and_leave_out_the_title() {
        sections.laidOut("Choosing a framework", 1);
        sections.laidOut("Flask", 2);
        sections.laidOut("Inspired FastAPI to:", 3);

        assertEquals("Flask › Inspired FastAPI to", sections.path());
        assertEquals(List.of("FastAPI", "Flask"), sections.subjects(), "deepest heading first");
        assertEquals("Flask › Gin", sections.rowPath("Gin"), "a table row is filed under the section, not its sub-heading");

        sections.laidOut("Gin", 2);
        assertEquals("Gin", sections.path(), "a heading closes those at its level and below");
        assertEquals(List.of("Gin"), sections.subjects());
    }

    @Test
    void should_not_take_a_question_about_it_as_naming_the_section() {
        Sections about = new Sections(lexicon, new AspectClassifier(), List.of("Hono"));
        about.laidOut("Does it run on Bun?", 7);

        assertEquals(List.of("Hono"), about.subjects(), "the document's framework, not Bun");
    }

    @Test
    void should_remember_a_recommendation_list_and_the_sub_heading_it_stood_under() {
        sections.guessed("Our picks", false);
        sections.recommend(List.of("NestJS", "Fastify"));
        sections.recommend(List.of("Fastify", "Gin"));

        assertEquals(List.of("NestJS", "Fastify", "Gin"), sections.recommended());
        assertTrue(sections.underRecommendation());
        sections.contentAdded();
        sections.guessed("Strengths", false);
        assertFalse(sections.underRecommendation());
    }
}
