package dev.stackadvisor.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The parts of an Events API request we use (https://api.slack.com/apis/events-api): the outer envelope
 * and, for {@code event_callback}, the inner event. Absent strings are null.
 *
 * @param type      {@code url_verification}, {@code event_callback} or another envelope type
 * @param challenge the string to echo for {@code url_verification}
 * @param eventId   the id Slack keeps across retries of one delivery ({@code Ev…})
 * @param botUserId our bot's user id, from {@code authorizations[0].user_id}
 * @param event     the inner event, or null when there is none
 */
public record SlackEvent(String type, String challenge, String eventId, String botUserId, Event event) {

    /**
     * The inner event of an {@code event_callback}.
     *
     * @param type        {@code app_mention}, {@code message}, …
     * @param channel     channel id
     * @param channelType {@code im} for a direct message (message events only)
     * @param user        who wrote it
     * @param botId       present when a bot (perhaps we) wrote it
     * @param subtype     {@code bot_message}, {@code message_changed}, …; null for a plain user message
     * @param text        the message text in Slack's markup (mentions as {@code <@U123>})
     * @param ts          the message's timestamp id
     * @param threadTs    the thread's root timestamp when the message is in a thread
     */
    public record Event(String type, String channel, String channelType, String user, String botId, String subtype,
                        String text, String ts, String threadTs) {
    }

    /**
     * Parses a JSON body.
     *
     * @throws SlackException {@code BAD_REQUEST} {@code invalid_json} when the body is not a JSON object with a
     *                        string {@code type}
     */
    public static SlackEvent parse(byte[] body, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw SlackException.badRequest("invalid_json", "the body is not valid JSON");
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw SlackException.badRequest("invalid_json", "the body must be a JSON object with a \"type\"");
        }
        JsonNode e = root.get("event");
        Event event = e == null || !e.isObject() ? null : new Event(text(e, "type"), text(e, "channel"),
                text(e, "channel_type"), text(e, "user"), text(e, "bot_id"), text(e, "subtype"), text(e, "text"),
                text(e, "ts"), text(e, "thread_ts"));
        return new SlackEvent(root.get("type").asText(), text(root, "challenge"), text(root, "event_id"),
                text(root.path("authorizations").path(0), "user_id"), event);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
