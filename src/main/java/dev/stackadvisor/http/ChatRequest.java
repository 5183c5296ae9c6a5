package dev.stackadvisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.chat.ChatService;
import java.io.IOException;

/**
 * The body of {@code POST /api/chat}: {@code {"message": "...", "sessionId": "optional", "topK": 5}}.
 *
 * @param message   the question, 1–4000 characters, not blank
 * @param sessionId null, or 1–128 of {@code [A-Za-z0-9_-]}
 * @param topK      null, or 1–20: how many fused passages a concept or scenario answer draws from (default 12)
 */
public record ChatRequest(String message, String sessionId, Integer topK) {

    /** Largest topK accepted ({@link ChatService#MAX_TOP_K}). */
    public static final int MAX_TOP_K = ChatService.MAX_TOP_K;
    /** C0 controls but tab, LF and CR; DEL; C1 controls; lone surrogates (invalid UTF-16 from a bad client). */
    static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    /**
     * Parses and validates a raw body; every problem is an {@link ApiException} 400 naming the field.
     * Unknown fields are ignored so clients can send more than this version reads.
     */
    static ChatRequest parse(byte[] body, ObjectMapper json) {
        if (body.length == 0) {
            throw ApiException.badRequest("request body is empty: send a JSON object such as {\"message\": \"FastAPI or NestJS?\"}");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object with a \"message\" field");
        }
        JsonNode m = root.get("message");
        if (m == null || m.isNull()) {
            throw ApiException.badRequest("message is required");
        }
        if (!m.isTextual()) {
            throw ApiException.badRequest("message must be a string");
        }
        String message = m.asText();
        if (message.isBlank()) {
            throw ApiException.badRequest("message must not be empty");
        }
        if (mayHoldControl(message) && CONTROL.matcher(message).find()) {
            throw ApiException.badRequest("message must not contain control characters (other than tab and newline)");
        }
        if (message.length() > ChatService.MAX_MESSAGE_CHARS) {
            throw ApiException.badRequest("message must be at most " + ChatService.MAX_MESSAGE_CHARS
                    + " characters (got " + message.length() + ")");
        }
        String sessionId = null;
        JsonNode s = root.get("sessionId");
        if (s != null && !s.isNull()) {
            if (!s.isTextual()) {
                throw ApiException.badRequest("sessionId must be a string");
            }
            sessionId = s.asText();
            if (!ChatService.SESSION_ID.matcher(sessionId).matches()) {
                throw ApiException.badRequest("sessionId must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-'");
            }
        }
        Integer topK = null;
        JsonNode k = root.get("topK");
        if (k != null && !k.isNull()) {
            if (!k.isIntegralNumber() || !k.canConvertToInt() || !ChatService.validTopK(k.asInt())) {
                throw ApiException.badRequest(ChatService.TOP_K_RANGE);
            }
            topK = k.asInt();
        }
        return new ChatRequest(message, sessionId, topK);
    }

    /**
     * Whether {@code text} holds a character {@link #CONTROL} could match (a C0 or C1 control, DEL or a surrogate):
     * one pass over the chars, so that the pattern (three alternatives tried at every position, 6 % of a request's
     * Java time under load) runs only for the rare message that has one.
     */
    static boolean mayHoldControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String line = s.lines().findFirst().orElse(s);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
