package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rendering answers for Slack: mrkdwn conversion and Slack's Block Kit limits, on answers built to break them. */
class BlockKitTest {

    private static Citation citation(int n, String quote) {
        return new Citation(n, "00" + (n % 5) + "_doc", "Title " + n, n % 2 == 0 ? null : "Publisher " + n, "",
                quote, 0.02);
    }

    private static Answer answer(String text, List<Citation> citations) {
        return new Answer(text, citations, List.of("FastAPI"), !citations.isEmpty(), dev.stackadvisor.answer.AnswerMode.EXTRACTIVE, null, 0);
    }

    @Test
    void should_render_answer_sections_then_numbered_sources_with_a_fallback() {
        Answer a = answer("FastAPI fits AI services [1].\nNestJS suits TypeScript teams [2].",
                List.of(citation(1, "Model serving favors FastAPI."), citation(2, "NestJS brings structure.")));

        SlackMessage m = BlockKit.answer(a, Map.of(), "<@U1> asked: _which?_");

        assertEquals(List.of("context", "section", "context"), m.blocks().stream().map(SlackMessage.Block::type).toList());
        assertEquals("FastAPI fits AI services [1].\nNestJS suits TypeScript teams [2].", m.blocks().get(1).text().text());
        assertEquals("mrkdwn", m.blocks().get(1).text().type());
        List<SlackMessage.TextObject> sources = m.blocks().get(2).elements();
        assertEquals("*[1]* Title 1 — Publisher 1: “Model serving favors FastAPI.”", sources.get(0).text());
        assertEquals("*[2]* Title 2: “NestJS brings structure.”", sources.get(1).text());
        assertTrue(m.text().startsWith("FastAPI fits AI services [1]."), m.text());
        assertTrue(m.text().contains("Sources:\n[1] Title 1 — Publisher 1\n[2] Title 2"), m.text());
    }

    @Test
    void should_stay_within_slack_limits_for_a_huge_answer_with_many_sources() {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        for (int n = 1; n <= 120; n++) {
            text.append("Sentence ").append(n).append(" says something about frameworks & trade-offs at length ")
                    .append("x".repeat(n % 7 * 20)).append(" [").append(n).append("].\n");
            citations.add(citation(n, "quote ".repeat(800))); // 4800 characters each
        }
        text.append("y".repeat(7000)); // one unbreakable run, longer than two sections

        SlackMessage m = BlockKit.answer(answer(text.toString(), citations), Map.of(), "asked: " + "q".repeat(5000));

        assertTrue(m.blocks().size() <= BlockKit.MAX_BLOCKS, () -> m.blocks().size() + " blocks");
        long sections = m.blocks().stream().filter(b -> b.type().equals("section")).count();
        assertTrue(sections <= BlockKit.MAX_ANSWER_SECTIONS, () -> sections + " sections");
        int total = 0;
        for (SlackMessage.Block b : m.blocks()) {
            if (b.type().equals("section")) {
                assertTrue(b.text().text().length() <= BlockKit.MAX_SECTION_TEXT, () -> "section of " + b.text().text().length());
                assertFalse(b.text().text().isBlank());
                total += b.text().text().length();
            } else {
                assertEquals("context", b.type());
                assertTrue(b.elements().size() <= BlockKit.MAX_CONTEXT_ELEMENTS, () -> b.elements().size() + " elements");
                for (SlackMessage.TextObject e : b.elements()) {
                    assertTrue(e.text().length() <= BlockKit.MAX_CONTEXT_TEXT, () -> "element of " + e.text().length());
                    total += e.text().length();
                }
            }
        }
        int all = total;
        assertTrue(all < 13_000 * 3, () -> all + " characters in blocks");
        assertTrue(m.blocks().stream().filter(b -> b.type().equals("section")).reduce((x, y) -> y).orElseThrow()
                .text().text().endsWith("_(answer shortened)_"));
        assertTrue(m.text().length() <= BlockKit.MAX_FALLBACK_TEXT, () -> "fallback of " + m.text().length());
    }

    @Test
    void should_shorten_quotes_in_the_source_list() {
        String element = BlockKit.source(citation(3, "word ".repeat(200)), null);
        assertTrue(element.length() < 400, element);
        assertTrue(element.endsWith("…”"), element);
    }

    @Test
    void should_link_titles_and_markers_to_articles_with_urls() {
        Citation c = new Citation(1, "doc", "A <b> title", "Pub & Co", "", "q", 0.02);
        SlackMessage m = BlockKit.answer(answer("Use it [1].", List.of(c)), Map.of("doc", "https://example.com/a?x=1"), null);

        assertEquals("Use it <https://example.com/a?x=1|[1]>.", m.blocks().get(0).text().text());
        assertEquals("*[1]* <https://example.com/a?x=1|A &lt;b&gt; title> — Pub &amp; Co: “q”", m.blocks().get(1).elements().get(0).text());
    }

    @Test
    void should_render_an_ungrounded_answer_without_sources() {
        SlackMessage m = BlockKit.answer(answer("The sources do not cover that.", List.of()), Map.of(), null);
        assertEquals(1, m.blocks().size());
        assertEquals("section", m.blocks().get(0).type());
        assertFalse(m.text().contains("Sources:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "escapes Slack's reserved characters | a < b && c > d [1] | a &lt; b &amp;&amp; c &gt; d [1]",
            "Markdown bold to Slack bold       | **FastAPI** fits [1] | *FastAPI* fits [1]",
            "headings to bold lines            | ## Verdict\\nUse Go [2] | *Verdict*\\nUse Go [2]",
            "list items to bullets             | - one [1]\\n* two [2] | • one [1]\\n• two [2]",
            "adjacent markers spaced           | both [1][2][3]. | both [1] [2] [3].",
            "blank lines folded                | a [1]\\n\\n\\n\\nb [2]   | a [1]\\n\\nb [2]",
            "CRLF line breaks kept as \\n      | a [1]\\r\\nb [2] | a [1]\\nb [2]"})
    void should_convert_answers_to_mrkdwn(String why, String in, String out) {
        assertEquals(unescape(out), Mrkdwn.fromAnswer(unescape(in), Map.of()), why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '"', value = {
            "bot mention stripped ~ <@U0BOT> whats laravel best at? ~ whats laravel best at?",
            "named mention stripped ~ <@U0BOT|advisor>   FastAPI or NestJS? ~ FastAPI or NestJS?",
            "escapes undone ~ is Go &lt; Rust &amp;&amp; Java &gt; PHP? ~ is Go < Rust && Java > PHP?",
            "labelled link to its label ~ see <https://x.dev/a|this article> please ~ see this article please",
            "bare link to its URL ~ see <https://x.dev/a> ~ see https://x.dev/a",
            "channel link to its name ~ asked in <#C123|backend> ~ asked in #backend",
            "broadcast dropped ~ <!here> Django? ~ Django?",
            "control characters folded ~ go\u0007or\u001Brust? ~ go or rust?",
            "only a mention is empty ~ <@U0BOT> ~ ''"})
    void should_read_a_slack_message_as_a_plain_question(String why, String in, String out) {
        assertEquals(out.equals("''") ? "" : out, Mrkdwn.toPlain(in), why);
    }

    @Test
    void should_clip_without_splitting_escapes_or_surrogates() {
        assertEquals("abc…", Mrkdwn.clip("abc&amp;def", 6));
        String emoji = "ab\uD83D\uDE00cd";
        assertEquals("ab…", Mrkdwn.clip(emoji, 4));
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
