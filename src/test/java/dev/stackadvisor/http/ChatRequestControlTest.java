package dev.stackadvisor.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The cheap pass that decides whether a message needs the control-character pattern at all must let through every
 * character the pattern would refuse (else a control character would reach the answer), and skip ordinary text.
 */
class ChatRequestControlTest {

    @Test
    void should_flag_every_character_the_control_pattern_matches() {
        int matched = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            if (ChatRequest.CONTROL.matcher(text).find()) {
                matched++;
                assertTrue(ChatRequest.mayHoldControl(text), "U+" + Integer.toHexString(c));
            }
        }
        assertTrue(matched > 2000, "the pattern refuses controls and lone surrogates: " + matched);
    }

    @Test
    void should_pass_ordinary_questions_without_running_the_pattern() {
        assertFalse(ChatRequest.mayHoldControl("FastAPI or NestJS for a café’s ordering API?"));
        assertFalse(ChatRequest.mayHoldControl("Laravel vs Django — which fits an ecommerce site?"));
        assertTrue(ChatRequest.mayHoldControl("emoji are surrogate pairs 🔥"));
        assertTrue(ChatRequest.mayHoldControl("a tab\there"));
    }
}
