package dev.stackadvisor.slack;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
     * A layout block: a {@code section} (one {@code text}, or up to 10 {@code fields} Slack shows in two columns),
     * a {@code context} (up to 10 {@code elements}) or an {@code actions} block (its {@code elements} buttons).
     *
     * @param type     {@code section}, {@code context} or {@code actions}
     * @param text     a section's text, else null (omitted)
     * @param fields   a section's side-by-side fields (each at most 2000 characters), else null (omitted)
     * @param elements a context's elements, else null
     * @param blockId  {@code block_id}, else null (omitted); at most 255 characters
     * @param buttons  an actions block's buttons, else null; sent as its {@code elements}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String type, TextObject text, List<TextObject> fields, @JsonIgnore List<TextObject> elements,
                        @JsonProperty("block_id") String blockId, @JsonIgnore List<Button> buttons) {

        /** What Slack reads as {@code elements}: the buttons of an actions block, else the context's text objects. */
        @JsonProperty("elements")
        List<?> wireElements() {
            return buttons != null ? buttons : elements;
        }

        static Block section(String mrkdwn) {
            return new Block("section", TextObject.mrkdwn(mrkdwn), null, null, null, null);
        }

        static Block fields(List<String> mrkdwn) {
            return new Block("section", null, mrkdwn.stream().map(TextObject::mrkdwn).toList(), null, null, null);
        }

        static Block context(List<String> mrkdwn) {
            return new Block("context", null, null, mrkdwn.stream().map(TextObject::mrkdwn).toList(), null, null);
        }

        static Block actions(String blockId, List<Button> buttons) {
            return new Block("actions", null, null, null, blockId, List.copyOf(buttons));
        }
    }

    /**
     * A button element (https://api.slack.com/reference/block-kit/block-elements#button): a click sends a
     * {@code block_actions} payload naming its {@code action_id} and {@code value} to the app's interactivity URL.
     *
     * @param type               {@code button}
     * @param text               its label, {@code plain_text}, at most 75 characters
     * @param actionId           {@code action_id}: what the click means, at most 255 characters
     * @param value              {@code value}: what it is about, at most 2000 characters
     * @param accessibilityLabel {@code accessibility_label}: what screen readers say, at most 75 characters
     */
    public record Button(String type, TextObject text, @JsonProperty("action_id") String actionId, String value,
                         @JsonProperty("accessibility_label") String accessibilityLabel) {

        static Button of(String label, String actionId, String value, String accessibilityLabel) {
            return new Button("button", TextObject.plain(label), actionId, value, accessibilityLabel);
        }
    }

    /**
     * A text object.
     *
     * @param type {@code mrkdwn} or {@code plain_text}
     * @param text the text, at most 3000 characters (Slack's text-object limit)
     */
    public record TextObject(String type, String text) {

        static TextObject mrkdwn(String text) {
            return new TextObject("mrkdwn", text);
        }

        static TextObject plain(String text) {
            return new TextObject("plain_text", text);
        }
    }
}
