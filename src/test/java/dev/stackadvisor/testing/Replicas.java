package dev.stackadvisor.testing;

import dev.stackadvisor.config.AppConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Configurations for replicas sharing one {@link RedisServer}: the real corpus, port 0, {@code REDIS_URL} set. */
public final class Replicas {

    private Replicas() {
    }

    /**
     * The environment of a replica: the repository's corpus, the shared test embedding cache, {@code retrieval},
     * {@code REDIS_URL} of {@code redis}, plus {@code extra}.
     */
    public static Map<String, String> env(AppConfig.Retrieval retrieval, RedisServer redis, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("ADVISOR_CORPUS_DIR", TestServer.corpusDir().toString());
        env.put("ADVISOR_PROMPTS_DIR", TestServer.corpusDir().resolveSibling("prompts").toString());
        env.put("ADVISOR_CACHE_DIR", TestServer.SHARED_CACHE_DIR.toString());
        env.put("ADVISOR_RETRIEVAL", retrieval.name().toLowerCase(Locale.ROOT));
        env.put("PORT", "0");
        env.put("ADVISOR_WARMUP_SECONDS", "0");
        env.put("REDIS_URL", redis.url());
        env.putAll(extra);
        return env;
    }

    /** A replica's configuration (see {@link #env}). */
    public static AppConfig config(AppConfig.Retrieval retrieval, RedisServer redis, Map<String, String> extra) {
        return AppConfig.fromEnv(env(retrieval, redis, extra));
    }
}
