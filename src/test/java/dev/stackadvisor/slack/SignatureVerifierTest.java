package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stackadvisor.testing.SlackSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The signing scheme against Slack's own worked example, and every way a request can fail it. */
class SignatureVerifierTest {

    // The worked example of https://docs.slack.dev/authentication/verifying-requests-from-slack
    private static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long DOC_TS = 1531420618L;
    private static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SignatureVerifier at(long epochSeconds) {
        return new SignatureVerifier(DOC_SECRET, Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_accept_slacks_documented_example() {
        assertDoesNotThrow(() -> at(DOC_TS + 60).verify(Long.toString(DOC_TS), DOC_SIGNATURE, bytes(DOC_BODY)));
    }

    @Test
    void should_agree_with_the_test_signer_on_slacks_example() {
        // the tests' own signer must be right too, or the HTTP tests prove nothing
        assertEquals(DOC_SIGNATURE, new SlackSigner(DOC_SECRET).signature(DOC_TS, DOC_BODY));
    }

    @Test
    void should_accept_a_timestamp_exactly_five_minutes_old_or_ahead() {
        assertDoesNotThrow(() -> at(DOC_TS + 300).verify(Long.toString(DOC_TS), DOC_SIGNATURE, bytes(DOC_BODY)));
        assertDoesNotThrow(() -> at(DOC_TS - 300).verify(Long.toString(DOC_TS), DOC_SIGNATURE, bytes(DOC_BODY)));
    }

    static Stream<Arguments> rejected() {
        String ts = Long.toString(DOC_TS);
        String wrongSecret = new SlackSigner("another-secret").signature(DOC_TS, DOC_BODY);
        return Stream.of(
                Arguments.of("forged signature", ts, "v0=" + "0".repeat(64), DOC_BODY, DOC_TS, "invalid_signature"),
                Arguments.of("signed with another secret", ts, wrongSecret, DOC_BODY, DOC_TS, "invalid_signature"),
                Arguments.of("body changed after signing", ts, DOC_SIGNATURE, DOC_BODY.replace("text=", "text=hi"), DOC_TS, "invalid_signature"),
                Arguments.of("timestamp changed after signing", Long.toString(DOC_TS + 1), DOC_SIGNATURE, DOC_BODY, DOC_TS, "invalid_signature"),
                Arguments.of("upper-case hex", ts, DOC_SIGNATURE.toUpperCase().replace("V0=", "v0="), DOC_BODY, DOC_TS, "invalid_signature"),
                Arguments.of("other version prefix", ts, DOC_SIGNATURE.replace("v0=", "v1="), DOC_BODY, DOC_TS, "invalid_signature"),
                Arguments.of("truncated signature", ts, DOC_SIGNATURE.substring(0, 40), DOC_BODY, DOC_TS, "invalid_signature"),
                Arguments.of("five minutes and a second old", ts, DOC_SIGNATURE, DOC_BODY, DOC_TS + 301, "stale_timestamp"),
                Arguments.of("six minutes ahead", ts, DOC_SIGNATURE, DOC_BODY, DOC_TS - 360, "stale_timestamp"),
                Arguments.of("timestamp not a number", "yesterday", DOC_SIGNATURE, DOC_BODY, DOC_TS, "invalid_timestamp"),
                Arguments.of("negative timestamp", "-1", DOC_SIGNATURE, DOC_BODY, DOC_TS, "invalid_timestamp"),
                Arguments.of("no timestamp", null, DOC_SIGNATURE, DOC_BODY, DOC_TS, "missing_signature"),
                Arguments.of("no signature", ts, null, DOC_BODY, DOC_TS, "missing_signature"),
                Arguments.of("blank signature", ts, " ", DOC_BODY, DOC_TS, "missing_signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void should_reject(String why, String timestamp, String signature, String body, long now, String code) {
        SlackException e = assertThrows(SlackException.class, () -> at(now).verify(timestamp, signature, bytes(body)));
        assertEquals(SlackException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(code, e.code(), why);
    }

    @Test
    void should_refuse_a_blank_secret() {
        assertThrows(IllegalArgumentException.class, () -> new SignatureVerifier(" ", Clock.systemUTC()));
    }
}
