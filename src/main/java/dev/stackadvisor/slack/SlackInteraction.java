package dev.stackadvisor.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What we use of an interaction payload (https://api.slack.com/reference/interaction-payloads/block-actions): Slack
 * posts it form-encoded as {@code payload=<JSON>} to the app's interactivity URL when a user clicks a button.
 *
 * @param type   {@code block_actions} for a button click (other types are ignored)
 * @param userId who clicked ({@code U…}), "" when absent
 * @param responseUrl where to reply to the click ({@code response_url}), "" when absent
 * @param votes  the feedback buttons clicked ({@link BlockKit#HELPFUL}, {@link BlockKit#NOT_HELPFUL}), in order;
 *               other actions are left out
 */
public record SlackInteraction(String type, String userId, String responseUrl, List<Vote> votes) {

    /** What an answer id in a button's value may look like. */
    static final Pattern ANSWER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SlackInteraction {
        votes = List.copyOf(votes);
    }

    /**
     * A feedback button clicked.
     *
     * @param answerId the answer rated (the button's value)
     * @param helpful  true for 👍, false for 👎
     */
    public record Vote(String answerId, boolean helpful) {
    }

    /**
     * Parses a form body with its {@code payload} field.
     *
     * @throws SlackException {@code BAD_REQUEST}: {@code invalid_form} (not form encoding), {@code missing_payload},
     *                        {@code invalid_payload} (not a JSON object, or a feedback button whose value is not an
     *                        answer id)
     */
    public static SlackInteraction parse(byte[] body, ObjectMapper json) {
        String payload = SlashCommand.fields(body).get("payload");
        if (payload == null || payload.isBlank()) {
            throw SlackException.badRequest("missing_payload", "an interaction needs the form field 'payload'");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (IOException e) {
            throw SlackException.badRequest("invalid_payload", "the payload is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw SlackException.badRequest("invalid_payload", "the payload must be a JSON object");
        }
        List<Vote> votes = new ArrayList<>();
        for (JsonNode a : root.path("actions")) {
            String action = a.path("action_id").asText("");
            if (!action.equals(BlockKit.HELPFUL) && !action.equals(BlockKit.NOT_HELPFUL)) {
                continue;
            }
            String answerId = a.path("value").asText("");
            if (!ANSWER_ID.matcher(answerId).matches()) {
                throw SlackException.badRequest("invalid_payload", "a feedback button's value must be an answer id");
            }
            votes.add(new Vote(answerId, action.equals(BlockKit.HELPFUL)));
        }
        return new SlackInteraction(root.path("type").asText(""), root.path("user").path("id").asText(""),
                root.path("response_url").asText(""), votes);
    }
}
