package dev.stackadvisor.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which response URLs we post to: Slack's hooks host and the configured API origin, nothing else (SSRF). */
class ResponseUrlPolicyTest {

    private final ResponseUrlPolicy policy = new ResponseUrlPolicy("http://127.0.0.1:9999/api");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://hooks.slack.com/commands/T1/397700885554/96rGlfmibIGlgcZRskXaIFfN, true",
            "https://HOOKS.slack.com/commands/T1/1/x, true",
            "https://hooks.slack.com:443/commands/T1/1/x, true",
            "http://127.0.0.1:9999/commands/T1/1/x, true",
            "http://hooks.slack.com/commands/T1/1/x, false",
            "https://hooks.slack.com:8443/commands/T1/1/x, false",
            "https://hooks.slack.com.evil.example/commands, false",
            "https://evil.example/hooks.slack.com/commands, false",
            "https://hooks.slack.com@evil.example/commands, false",
            "https://user@hooks.slack.com/commands, false",
            "http://127.0.0.1:9998/commands/T1/1/x, false",
            "https://127.0.0.1:9999/commands/T1/1/x, false",
            "http://localhost:9999/commands/T1/1/x, false",
            "http://169.254.169.254/latest/meta-data, false",
            "file:///etc/passwd, false",
            "/commands/T1/1/x, false",
            "not a url, false",
            "'', false"})
    void should_allow_only_slack_and_the_configured_api_origin(String url, boolean allowed) {
        assertEquals(allowed, policy.allowed(url).isPresent(), url);
    }
}
