package dev.stackadvisor.testing;

import dev.stackadvisor.config.AppConfig;
import java.util.HashMap;
import java.util.Map;

/** Configurations for Slack tests: the real corpus, keyword retrieval (fast start), port 0, Slack settings. */
public final class SlackConfig {

    private SlackConfig() {
    }

    /**
     * @param signingSecret {@code SLACK_SIGNING_SECRET}, or null to leave it unset
     * @param botToken      {@code SLACK_BOT_TOKEN}, or null to leave it unset
     * @param apiBaseUrl    {@code SLACK_API_BASE_URL}, or null for the default
     */
    public static AppConfig keyword(String signingSecret, String botToken, String apiBaseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString());
        env.put("ADVISOR_CACHE_DIR", "");
        env.put("ADVISOR_RETRIEVAL", "keyword");
        env.put("PORT", "0");
        env.put("ADVISOR_WARMUP_SECONDS", "0");
        if (signingSecret != null) {
            env.put("SLACK_SIGNING_SECRET", signingSecret);
        }
        if (botToken != null) {
            env.put("SLACK_BOT_TOKEN", botToken);
        }
        if (apiBaseUrl != null) {
            env.put("SLACK_API_BASE_URL", apiBaseUrl);
        }
        return AppConfig.fromEnv(env);
    }
}
