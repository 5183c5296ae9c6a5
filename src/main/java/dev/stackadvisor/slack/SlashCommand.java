package dev.stackadvisor.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a slash command we use, from its {@code application/x-www-form-urlencoded} body
 * (https://api.slack.com/interactivity/slash-commands). Absent fields are "".
 *
 * @param command     the command as typed, e.g. {@code /advisor}
 * @param text        what follows the command: the question
 * @param userId      who typed it ({@code U…})
 * @param channelId   where ({@code C…}, {@code D…} or {@code G…})
 * @param teamId      the workspace ({@code T…})
 * @param responseUrl where to post the answer (valid 30 minutes, at most 5 posts)
 * @param triggerId   unique per invocation: the identity by which a command is answered once
 */
public record SlashCommand(String command, String text, String userId, String channelId, String teamId,
                           String responseUrl, String triggerId) {

    /**
     * Parses a form body; a repeated field keeps its first value.
     *
     * @throws SlackException {@code BAD_REQUEST} {@code invalid_form} when the body is not valid form encoding
     */
    public static SlashCommand parse(byte[] body) {
        Map<String, String> fields = fields(body);
        return new SlashCommand(fields.getOrDefault("command", ""), fields.getOrDefault("text", "").strip(),
                fields.getOrDefault("user_id", ""), fields.getOrDefault("channel_id", ""),
                fields.getOrDefault("team_id", ""), fields.getOrDefault("response_url", ""),
                fields.getOrDefault("trigger_id", ""));
    }

    /**
     * The fields of a form body; a repeated field keeps its first value.
     *
     * @throws SlackException {@code BAD_REQUEST} {@code invalid_form} when the body is not valid form encoding
     */
    static Map<String, String> fields(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        String form = new String(body, StandardCharsets.UTF_8);
        try {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw SlackException.badRequest("invalid_form", "the body is not valid application/x-www-form-urlencoded");
        }
        return fields;
    }
}
