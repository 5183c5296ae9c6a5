package dev.stackadvisor.slack;

import dev.stackadvisor.answer.Answer;
import dev.stackadvisor.answer.Citation;
import dev.stackadvisor.answer.Sections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders answers as Block Kit messages within Slack's limits: the answer as mrkdwn {@code section}s (a comparison
 * as its verdict and notes, then one section whose {@code fields} hold the frameworks side by side, Slack's two
 * columns), then {@code context} blocks listing the numbered sources (number, title, publisher, a short quote),
 * plus a {@code text} fallback. Pure functions.
 *
 * <p>Limits, from Slack's Block Kit reference (https://api.slack.com/reference/block-kit/blocks):
 * {@value #MAX_BLOCKS} blocks per message; a section's text at most {@value #MAX_SECTION_TEXT} characters
 * (section block reference); a context block at most {@value #MAX_CONTEXT_ELEMENTS} elements (context block
 * reference). Each context element is kept within {@value #MAX_CONTEXT_TEXT} characters, well under the text
 * object's 3000. Slack also rejects messages whose blocks hold about 13,000 characters in all
 * ({@code msg_blocks_too_long}, slackapi/bolt-js#2509), so the answer takes at most
 * {@value #MAX_ANSWER_SECTIONS} sections and is shortened beyond. The fallback stays within
 * {@value #MAX_FALLBACK_TEXT} characters, the length {@code chat.postMessage} recommends (it truncates at 40,000).
 */
public final class BlockKit {

    /** Blocks per message. */
    public static final int MAX_BLOCKS = 50;
    /** Characters of a section's text. */
    public static final int MAX_SECTION_TEXT = 3000;
    /** Elements of a context block. */
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    /** Characters we allow one context element. */
    public static final int MAX_CONTEXT_TEXT = 2000;
    /** Sections the answer may take: 3 × 3000 characters keeps the whole message well under ~13,000. */
    public static final int MAX_ANSWER_SECTIONS = 3;
    /** Characters of the {@code text} fallback. */
    public static final int MAX_FALLBACK_TEXT = 4000;
    /** Characters of a source's quote in the context list: a glimpse, the full quote is in the article. */
    public static final int QUOTE_CHARS = 160;
    /** Characters of a source's title. */
    public static final int TITLE_CHARS = 200;
    /** Fields of a section (Block Kit's section reference). */
    public static final int MAX_FIELDS = 10;
    /** Characters of one field's text (Block Kit's section reference). */
    public static final int MAX_FIELD_TEXT = 2000;

    private BlockKit() {
    }

    /** The {@code action_id} of the 👍 button; its {@code value} is the answer id. */
    public static final String HELPFUL = "feedback_up";
    /** The {@code action_id} of the 👎 button; its {@code value} is the answer id. */
    public static final String NOT_HELPFUL = "feedback_down";
    /** Prefix of the feedback actions block's {@code block_id}, followed by the answer id. */
    public static final String FEEDBACK_BLOCK = "feedback:";

    /** As {@link #answer(Answer, Map, String, String)} without feedback buttons. */
    public static SlackMessage answer(Answer answer, Map<String, String> urls, String asked) {
        return answer(answer, urls, asked, null);
    }

    /**
     * An answer as a message.
     *
     * @param answer   the answer; its citations become the source list (none when not grounded)
     * @param urls     article URL by document id, for linking titles and markers; may be empty
     * @param asked    a line of mrkdwn saying who asked what, shown first (for slash commands), or null
     * @param answerId the answer's id: the message ends with an actions block ({@code block_id}
     *                 {@value #FEEDBACK_BLOCK}{@code <answerId>}) of a 👍 ({@value #HELPFUL}) and a 👎
     *                 ({@value #NOT_HELPFUL}) button whose value is the id; null for none
     */
    public static SlackMessage answer(Answer answer, Map<String, String> urls, String asked, String answerId) {
        List<SlackMessage.Block> blocks = new ArrayList<>();
        if (asked != null && !asked.isBlank()) {
            blocks.add(SlackMessage.Block.context(List.of(Mrkdwn.clip(asked, MAX_CONTEXT_TEXT))));
        }
        Map<Integer, String> markerUrls = new HashMap<>();
        for (Citation c : answer.citations()) {
            String url = urls.get(c.documentId());
            if (url != null) {
                markerUrls.put(c.n(), url);
            }
        }
        Sections structure = answer.sections();
        if (structure != null && structure.frameworks().size() >= 2) {
            blocks.addAll(sideBySide(structure, markerUrls));
        } else {
            blocks.addAll(sections(Mrkdwn.fromAnswer(answer.text(), markerUrls)));
        }
        List<String> sources = new ArrayList<>();
        for (Citation c : answer.citations()) {
            sources.add(source(c, urls.get(c.documentId())));
        }
        int room = answerId == null ? MAX_BLOCKS : MAX_BLOCKS - 1;
        for (int i = 0; i < sources.size() && blocks.size() < room; i += MAX_CONTEXT_ELEMENTS) {
            blocks.add(SlackMessage.Block.context(sources.subList(i, Math.min(sources.size(), i + MAX_CONTEXT_ELEMENTS))));
        }
        if (answerId != null) {
            blocks.add(SlackMessage.Block.actions(FEEDBACK_BLOCK + answerId, List.of(
                    SlackMessage.Button.of("👍 Helpful", HELPFUL, answerId, "This answer was helpful"),
                    SlackMessage.Button.of("👎 Not helpful", NOT_HELPFUL, answerId, "This answer was not helpful"))));
        }
        return new SlackMessage(fallback(answer), blocks);
    }

    /**
     * A comparison: the verdict and notes as sections, then the frameworks as the fields of one section (Slack lays
     * fields out in two columns), each "*Name* (language)" over its bulleted fit, strengths and watch-outs.
     */
    static List<SlackMessage.Block> sideBySide(Sections s, Map<Integer, String> markerUrls) {
        List<SlackMessage.Block> out = new ArrayList<>(sections(Mrkdwn.fromAnswer(s.verdict(), markerUrls)));
        List<String> fields = new ArrayList<>();
        for (Sections.Framework f : s.frameworks().subList(0, Math.min(MAX_FIELDS, s.frameworks().size()))) {
            StringBuilder md = new StringBuilder("**").append(f.name()).append("**")
                    .append(f.language() == null ? "" : " (" + f.language() + ")");
            for (Sections.Labelled list : Sections.Framework.labelled(f)) {
                for (Sections.Item i : list.items()) {
                    md.append("\n- ").append(list.label()).append(": ").append(i.text()).append(" [").append(i.n()).append(']');
                }
            }
            fields.add(Mrkdwn.clip(Mrkdwn.fromAnswer(md.toString(), markerUrls), MAX_FIELD_TEXT));
        }
        out.add(SlackMessage.Block.fields(fields));
        if (!s.notes().isEmpty()) {
            out.addAll(sections(Mrkdwn.fromAnswer(String.join("\n\n", s.notes()), markerUrls)));
        }
        return out;
    }

    /** A short notice (usage hint, error) as a one-section message. */
    public static SlackMessage notice(String mrkdwn) {
        String text = Mrkdwn.clip(mrkdwn, MAX_SECTION_TEXT);
        return new SlackMessage(Mrkdwn.clip(mrkdwn, MAX_FALLBACK_TEXT), List.of(SlackMessage.Block.section(text)));
    }

    /** The answer cut into sections at paragraph, line or word breaks; beyond the cap, shortened with a note. */
    static List<SlackMessage.Block> sections(String mrkdwn) {
        List<SlackMessage.Block> out = new ArrayList<>();
        String rest = mrkdwn.isBlank() ? "…" : mrkdwn;
        while (!rest.isEmpty()) {
            if (out.size() == MAX_ANSWER_SECTIONS - 1 && rest.length() > MAX_SECTION_TEXT) {
                out.add(SlackMessage.Block.section(Mrkdwn.clip(rest, MAX_SECTION_TEXT - 30) + " _(answer shortened)_"));
                break;
            }
            int cut = Mrkdwn.splitPoint(rest, MAX_SECTION_TEXT);
            out.add(SlackMessage.Block.section(rest.substring(0, cut).strip()));
            rest = rest.substring(cut).strip();
        }
        return out;
    }

    /** {@code *[n]* Title — Publisher: “quote…”}, the title linked when the article has a URL. */
    static String source(Citation c, String url) {
        StringBuilder b = new StringBuilder("*[").append(c.n()).append("]* ")
                .append(Mrkdwn.link(url, Mrkdwn.clip(c.title(), TITLE_CHARS)));
        if (c.publisher() != null && !c.publisher().isBlank()) {
            b.append(" — ").append(Mrkdwn.escape(Mrkdwn.clip(c.publisher(), TITLE_CHARS)));
        }
        if (c.quote() != null && !c.quote().isBlank()) {
            b.append(": “").append(Mrkdwn.escape(Mrkdwn.clip(c.quote().strip(), QUOTE_CHARS))).append('”');
        }
        return Mrkdwn.clip(b.toString(), MAX_CONTEXT_TEXT);
    }

    /** The answer and its source titles as plain (escaped) text for notifications. */
    static String fallback(Answer answer) {
        StringBuilder b = new StringBuilder(answer.text().strip());
        if (!answer.citations().isEmpty()) {
            b.append("\n\nSources:");
            for (Citation c : answer.citations()) {
                b.append("\n[").append(c.n()).append("] ").append(c.title());
                if (c.publisher() != null && !c.publisher().isBlank()) {
                    b.append(" — ").append(c.publisher());
                }
            }
        }
        return Mrkdwn.clip(Mrkdwn.escape(b.toString()), MAX_FALLBACK_TEXT);
    }
}
