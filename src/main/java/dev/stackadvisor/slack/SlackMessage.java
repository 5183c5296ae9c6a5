package dev.stackadvisor.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Block Kit message: {@code blocks} for display and {@code text}, the plain fallback Slack shows in
 * notifications and where blocks cannot be shown.
 *
 * @param text   the fallback, mrkdwn-escaped
 * @param blocks the layout blocks, at most {@link BlockKit#MAX_BLOCKS}
 */
public record SlackMessage(String text, List<Block> blocks) {

    public SlackMessage {
        blocks = List.copyOf(blocks);
    }

    /**
     * A layout block: a {@code section} (one {@code text}, or up to 10 {@code fields} Slack shows in two columns)
     * or a {@code context} (up to 10 {@code elements}).
     *
     * @param type     {@code section} or {@code context}
     * @param text     a section's text, else null (omitted)
     * @param fields   a section's side-by-side fields (each at most 2000 characters), else null (omitted)
     * @param elements a context's elements, else null (omitted)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String type, TextObject text, List<TextObject> fields, List<TextObject> elements) {

        static Block section(String mrkdwn) {
            return new Block("section", TextObject.mrkdwn(mrkdwn), null, null);
        }

        static Block fields(List<String> mrkdwn) {
            return new Block("section", null, mrkdwn.stream().map(TextObject::mrkdwn).toList(), null);
        }

        static Block context(List<String> mrkdwn) {
            return new Block("context", null, null, mrkdwn.stream().map(TextObject::mrkdwn).toList());
        }
    }

    /**
     * A text object.
     *
     * @param type {@code mrkdwn}
     * @param text the text, at most 3000 characters (Slack's text-object limit)
     */
    public record TextObject(String type, String text) {

        static TextObject mrkdwn(String text) {
            return new TextObject("mrkdwn", text);
        }
    }
}
