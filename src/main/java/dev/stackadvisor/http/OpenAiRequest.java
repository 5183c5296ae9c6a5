package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.chat.ChatService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code POST /v1/chat/completions} body read as a Stack Advisor turn
 * (https://platform.openai.com/docs/api-reference/chat/create): the last {@code user} message is the question;
 * the {@code user}/{@code assistant} pairs before it are the conversation so far; {@code system} and
 * {@code developer} messages are ignored, never obeyed (the advisor's behaviour is not the client's to change),
 * as are {@code tool} and {@code function} messages and sampling parameters.
 *
 * @param question     the last user message, 1–{@value ChatService#MAX_MESSAGE_CHARS} characters, not blank
 * @param earlier      up to {@value #MAX_EARLIER} earlier exchanges, oldest first
 * @param stream       whether to answer as server-sent {@code chat.completion.chunk}s
 * @param includeUsage {@code stream_options.include_usage}: end the stream with a usage chunk
 * @param promptChars  characters of message text the client sent, for the usage estimate
 */
record OpenAiRequest(String question, List<ChatService.Exchange> earlier, boolean stream, boolean includeUsage,
                     int promptChars) {

    /** The one model this API serves. */
    static final String MODEL = "stack-advisor";
    /** Earlier exchanges kept: follow-ups refer to the last few turns, and each becomes a remembered turn. */
    static final int MAX_EARLIER = 10;

    private static final Set<String> IGNORED_ROLES = Set.of("system", "developer", "tool", "function");
    /** The characters {@code /api/chat} refuses, refused here too. */
    private static final Pattern CONTROL = ChatRequest.CONTROL;

    /**
     * Parses and validates a raw body.
     *
     * @throws OpenAiException 400 {@code invalid_request_error} naming the field, or 404 {@code model_not_found}
     */
    static OpenAiRequest parse(byte[] body, ObjectMapper json) {
        requireUtf8(body);
        JsonNode root;
        try {
            root = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw OpenAiException.invalid(null, "invalid_json", "We could not parse the JSON body of your request: send "
                    + "a JSON object such as {\"model\": \"" + MODEL + "\", \"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"…\"}]}");
        }
        if (root == null || !root.isObject()) {
            throw OpenAiException.invalid(null, "invalid_json",
                    "The request body must be a JSON object with \"model\" and \"messages\"");
        }
        model(root.get("model"));
        boolean stream = bool(root.get("stream"), "stream");
        boolean includeUsage = bool(root.path("stream_options").get("include_usage"), "stream_options.include_usage");
        JsonNode n = root.get("n");
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
            throw OpenAiException.invalid("n", "unsupported_value", "Only n=1 is supported");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw OpenAiException.invalid("messages", "missing_required_parameter",
                    "Missing required parameter: 'messages'");
        }
        if (!messages.isArray()) {
            throw OpenAiException.invalid("messages", "invalid_type", "'messages' must be an array of message objects");
        }
        if (messages.isEmpty()) {
            throw OpenAiException.invalid("messages", "empty_array", "'messages' must contain at least one message");
        }
        return conversation(messages, stream, includeUsage);
    }

    /** Well-formed UTF-8 only: a lenient decoder would turn malformed bytes into something else. */
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw OpenAiException.invalid(null, "invalid_json", "The request body is not valid UTF-8");
        }
    }

    private static void model(JsonNode model) {
        if (model == null || model.isNull()) {
            throw OpenAiException.invalid("model", "missing_required_parameter",
                    "Missing required parameter: 'model' (this server serves \"" + MODEL + "\")");
        }
        if (!model.isTextual()) {
            throw OpenAiException.invalid("model", "invalid_type", "'model' must be a string");
        }
        if (!model.asText().equals(MODEL)) {
            throw new OpenAiException(404, OpenAiException.INVALID_REQUEST, "model", "model_not_found",
                    "The model '" + model.asText() + "' does not exist; this server serves \"" + MODEL + "\"");
        }
    }

    private static boolean bool(JsonNode value, String param) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw OpenAiException.invalid(param, "invalid_type", "'" + param + "' must be a boolean");
        }
        return value.asBoolean();
    }

    private static OpenAiRequest conversation(JsonNode messages, boolean stream, boolean includeUsage) {
        List<String> roles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int lastUser = -1;
        int chars = 0;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                throw OpenAiException.invalid("messages[" + i + "]", "invalid_type",
                        "messages[" + i + "] must be an object");
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual()) {
                throw OpenAiException.invalid("messages[" + i + "].role", "missing_required_parameter",
                        "messages[" + i + "].role is required: one of user, assistant, system, developer, tool");
            }
            String r = role.asText();
            String text;
            if (r.equals("user")) {
                text = content(m.get("content"), i, true);
                if (text.length() > ChatService.MAX_MESSAGE_CHARS) {
                    throw OpenAiException.invalid("messages[" + i + "].content", "string_above_max_length",
                            "messages[" + i + "].content is " + text.length() + " characters; the maximum is "
                                    + ChatService.MAX_MESSAGE_CHARS);
                }
                if (CONTROL.matcher(text).find()) {
                    throw OpenAiException.invalid("messages[" + i + "].content", "invalid_value", "messages[" + i
                            + "].content must not contain control characters (other than tab and newline)");
                }
                lastUser = i;
            } else if (r.equals("assistant")) {
                text = content(m.get("content"), i, false);
            } else if (IGNORED_ROLES.contains(r)) {
                text = m.path("content").isTextual() ? m.path("content").asText() : "";
            } else {
                throw OpenAiException.invalid("messages[" + i + "].role", "invalid_value", "messages[" + i + "].role '" + r
                        + "' is not one of user, assistant, system, developer, tool");
            }
            roles.add(r);
            texts.add(text);
            chars += text.length();
        }
        if (lastUser < 0) {
            throw OpenAiException.invalid("messages", "missing_user_message",
                    "'messages' must contain a user message: the question");
        }
        String question = texts.get(lastUser).strip();
        if (question.isEmpty()) {
            throw OpenAiException.invalid("messages[" + lastUser + "].content", "invalid_value",
                    "The last user message must not be empty");
        }
        return new OpenAiRequest(question, exchanges(roles, texts, lastUser), stream, includeUsage, chars);
    }

    /** Each user message before the question with the assistant reply that follows it ("" when none). */
    private static List<ChatService.Exchange> exchanges(List<String> roles, List<String> texts, int lastUser) {
        List<ChatService.Exchange> out = new ArrayList<>();
        String pending = null;
        for (int i = 0; i < lastUser; i++) {
            if (roles.get(i).equals("user")) {
                if (pending != null) {
                    out.add(new ChatService.Exchange(pending, ""));
                }
                pending = texts.get(i).strip();
            } else if (roles.get(i).equals("assistant") && pending != null) {
                out.add(new ChatService.Exchange(pending, texts.get(i)));
                pending = null;
            }
        }
        if (pending != null) {
            out.add(new ChatService.Exchange(pending, ""));
        }
        out.removeIf(e -> e.question().isEmpty());
        return List.copyOf(out.subList(Math.max(0, out.size() - MAX_EARLIER), out.size()));
    }

    /** A message's text: a string, or an array of {@code {"type": "text", "text": …}} parts joined by newlines. */
    private static String content(JsonNode content, int i, boolean required) {
        String param = "messages[" + i + "].content";
        if (content == null || content.isNull()) {
            if (required) {
                throw OpenAiException.invalid(param, "missing_required_parameter", param + " is required");
            }
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw OpenAiException.invalid(param, "invalid_type", param + " must be a string or an array of text parts");
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String type = part.path("type").asText("");
            if (!type.equals("text") || !part.path("text").isTextual()) {
                throw OpenAiException.invalid(param + "[" + j + "]", "unsupported_content",
                        "Only text content parts ({\"type\": \"text\", \"text\": \"…\"}) are supported"
                                + (type.isEmpty() || type.equals("text") ? "" : " (got '" + type + "')"));
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(part.get("text").asText());
        }
        return b.toString();
    }
}
