package dev.stackadvisor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on answers that several HTTP tests share: the grounding contract of DESIGN.md. */
public final class AnswerAssertions {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private AnswerAssertions() {
    }

    /** Canonical framework names listed in an answer's {@code frameworks}. */
    public static List<String> frameworks(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("frameworks").forEach(f -> out.add(f.asText()));
        return out;
    }

    /** The {@code [n]} numbers used in {@code text}, in order of appearance. */
    public static List<Integer> markers(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /**
     * Every citation is numbered 1..k in order, names an article of the corpus, carries a non-blank title
     * and a section field, and quotes that article verbatim (white space folded); and the answer's
     * {@code [n]} markers and the citations refer to each other one-to-one.
     *
     * @param answer a body with {@code answer} and {@code citations}
     * @return the number of citations
     */
    public static int assertCitationsVerbatimAndReferenced(JsonNode answer) {
        JsonNode citations = answer.path("citations");
        assertTrue(citations.isArray(), () -> "citations is not an array: " + answer);
        String text = answer.path("answer").asText();
        for (int i = 0; i < citations.size(); i++) {
            JsonNode c = citations.get(i);
            int index = i;
            assertEquals(i + 1, c.path("n").asInt(-1), () -> "citation " + index + " is not numbered " + (index + 1) + ": " + c);
            String documentId = c.path("documentId").asText("");
            String article = TestServer.corpusText(documentId)
                    .orElseGet(() -> fail("citation [" + (index + 1) + "] names no corpus article: " + c));
            assertFalse(c.path("title").asText("").isBlank(), () -> "citation has no title: " + c);
            assertTrue(c.has("section") && c.get("section").isTextual(), () -> "citation has no section field: " + c);
            String quote = TestServer.normalizeWhitespace(c.path("quote").asText(""));
            assertFalse(quote.isBlank(), () -> "citation has an empty quote: " + c);
            assertTrue(TestServer.normalizeWhitespace(article).contains(quote),
                    () -> "quote of citation [" + (index + 1) + "] is not verbatim text of " + documentId + ".txt: \""
                            + quote + "\"");
        }
        Set<Integer> used = new TreeSet<>(markers(text));
        for (int n : used) {
            assertTrue(n >= 1 && n <= citations.size(), () -> "answer cites [" + n + "] but there are only "
                    + citations.size() + " citations: " + text);
        }
        for (int n = 1; n <= citations.size(); n++) {
            int k = n;
            assertTrue(used.contains(n), () -> "citation [" + k + "] is never referenced in the answer: " + text);
        }
        return citations.size();
    }

    /** A refusal: not grounded, no citations, no markers, and still some text telling the user so. */
    public static void assertRefused(JsonNode answer) {
        assertFalse(answer.path("grounded").asBoolean(true), () -> "expected grounded=false: " + answer);
        assertTrue(answer.path("citations").isArray(), () -> "citations must be an (empty) array: " + answer);
        assertEquals(0, answer.path("citations").size(), () -> "a refusal must cite nothing: " + answer);
        String text = answer.path("answer").asText("");
        assertFalse(text.isBlank(), () -> "a refusal must still say something: " + answer);
        assertTrue(markers(text).isEmpty(), () -> "a refusal must carry no [n] markers: " + text);
    }
}
