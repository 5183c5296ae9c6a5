package dev.stackadvisor.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.corpus.Corpus;
import dev.stackadvisor.corpus.Document;
import dev.stackadvisor.corpus.FrameworkLexicon;
import dev.stackadvisor.corpus.Passage;
import dev.stackadvisor.corpus.Segmenter;
import dev.stackadvisor.index.KeywordIndex;
import dev.stackadvisor.retrieval.RankedPassage;
import dev.stackadvisor.retrieval.TermStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The claim picker on a corpus of a few hand-written paragraphs, keyword mode (Lucene only, no embedding model):
 * whole claims, the right subject, case studies kept apart.
 */
class ClaimPickerTest {

    private static final String TEXT = """
            Choosing a framework

            Fastify is very fast on small payloads. It suits high-throughput APIs.

            These frameworks are popular with startups.

            Why teams pick NestJS

            NestJS gives large teams a clear module structure.

            Field notes

            Let's take the example of a fintech startup who opted for NestJS. They shipped their MVP in six weeks.

            Verdict

            Pick Hono.

            Koa (and Express)

            It builds every app from async middleware functions.
            """;

    private final FrameworkLexicon lexicon = new FrameworkLexicon();
    private final Document doc = new Document("notes", "Notes", null, null, null, null, TEXT);
    private final List<Passage> passages = new Segmenter(lexicon).segment(doc);
    private final Corpus corpus = new Corpus(List.of(doc), passages, lexicon, "test");
    private final KeywordIndex keyword = new KeywordIndex(passages);
    private final TermStats stats = new TermStats(keyword, passages);
    private final ClaimPicker picker = new ClaimPicker(
            new ClaimSpans(keyword, corpus, Discourse.bundled(), ComposerTuning.bundled()), null, stats,
            ComposerTuning.bundled());

    private List<RankedPassage> ranked() {
        List<RankedPassage> out = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            out.add(new RankedPassage(passages.get(i), 1.0 / (60 + i + 1), i + 1, 0));
        }
        return out;
    }

    private Optional<Claim> best(String framework, String... topic) {
        return picker.best(ranked(), framework, null, new Question(keyword.terms(String.join(" ", topic)), null), Set.of(), 0);
    }

    /** The claim the sentence quoted as {@code quote} makes, by {@link ClaimPicker#claimAt}. */
    private Optional<Claim> claimAt(String quote, String framework) {
        for (Passage p : passages) {
            for (int i = 0; i < p.sentences().size(); i++) {
                if (p.sentences().get(i).quote().equals(quote)) {
                    return picker.claimAt(p, i, framework);
                }
            }
        }
        throw new AssertionError("no sentence " + quote);
    }

    @Test
    void should_give_the_claim_a_sentence_makes_with_the_sentence_it_leans_on() {
        Claim c = claimAt("It suits high-throughput APIs.", "Fastify").orElseThrow();

        assertEquals("Fastify is very fast on small payloads. It suits high-throughput APIs.", c.display());
        assertEquals(2, c.sentenceKeys().size());
        assertEquals(c.display(), claimAt("It suits high-throughput APIs.", null).orElseThrow().display());
    }

    @Test
    void should_give_no_claim_for_a_sentence_that_cannot_be_quoted_on_its_own() {
        assertEquals(Optional.empty(), claimAt("These frameworks are popular with startups.", null), "nothing to lean on");
        assertEquals(Optional.empty(), claimAt("Pick Hono.", null), "fewer than minClaimWords words");
        assertEquals("NestJS gives large teams a clear module structure.",
                claimAt("NestJS gives large teams a clear module structure.", "NestJS").orElseThrow().display());
    }

    @Test
    void should_quote_a_reference_together_with_the_sentence_it_refers_to() {
        Claim c = best("Fastify", "high-throughput APIs").orElseThrow();

        assertEquals("Fastify is very fast on small payloads. It suits high-throughput APIs.", c.display());
        assertEquals(2, c.sentenceKeys().size(), "one quote spanning both sentences");
    }

    @Test
    void should_never_quote_a_reference_that_opens_its_paragraph() {
        List<String> shown = new ArrayList<>();
        for (String f : List.of("Fastify", "NestJS")) {
            best(f, "popular startups").ifPresent(c -> shown.add(c.display()));
        }
        picker.best(ranked(), null, null, new Question(keyword.terms("popular startups"), null), Set.of(), 0)
                .ifPresent(c -> shown.add(c.display()));

        assertTrue(shown.stream().noneMatch(s -> s.startsWith("These frameworks")), shown.toString());
    }

    @Test
    void should_keep_a_case_study_apart_from_claims() {
        Optional<Claim> claim = best("NestJS", "shipped MVP six weeks");
        Optional<Claim> study = picker.caseStudy(ranked(), "NestJS", new Question(keyword.terms("shipped MVP six weeks"), null),
                Set.of(), 0);

        assertEquals("NestJS gives large teams a clear module structure.", claim.orElseThrow().display());
        assertTrue(study.orElseThrow().display().startsWith("Let's take the example of a fintech startup"), study.toString());
        assertTrue(study.get().display().endsWith("They shipped their MVP in six weeks."), study.toString());
    }

    @Test
    void should_only_list_a_claim_under_a_framework_its_quote_or_heading_names() {
        Claim c = best("NestJS", "clear module structure").orElseThrow();

        assertTrue(picker.squarelyAbout(c, "NestJS"), c.toString());
        assertEquals(Optional.empty(), best("Django", "clear module structure"));
    }

    @Test
    void should_read_a_reference_under_a_heading_by_the_name_outside_its_parentheses() {
        // "Koa (and Express)": the section is about Koa; Express is an aside, so "It" is Koa
        Claim c = claimAt("It builds every app from async middleware functions.", "Koa.js").orElseThrow();

        assertEquals("It builds every app from async middleware functions.", c.display());
    }
}
