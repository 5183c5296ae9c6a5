package dev.stackadvisor.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything configurable, read once from environment variables at start-up. A malformed value fails
 * start-up with a message naming the variable ({@link ConfigException}); nothing else reads the environment.
 *
 * @param host               interface to bind ({@code HOST}, default 127.0.0.1)
 * @param port               TCP port ({@code PORT}, default 7070; 0 = any free port)
 * @param corpusDir          articles and {@code sources.json} ({@code ADVISOR_CORPUS_DIR}, default corpus)
 * @param promptsDir         LLM prompt templates ({@code ADVISOR_PROMPTS_DIR}, default prompts)
 * @param cacheDir           embedding cache ({@code ADVISOR_CACHE_DIR}, default .cache; empty = no cache)
 * @param retrieval          {@code ADVISOR_RETRIEVAL}: hybrid (default) or keyword (no embedding model at all)
 * @param embeddingThreads   {@code ADVISOR_EMBEDDING_THREADS}, 1..64, default 1: ONNX Runtime threads per MiniLM
 *                           inference. 1 gives the most embeddings per second under concurrent requests (+45–65 %
 *                           over langchain4j's defaults on 2 cores, docs/benchmarks.md); the core count gives the
 *                           lowest latency for a lone request
 * @param embeddingBatch     {@code ADVISOR_EMBEDDING_BATCH}, 1..256, default 16: most concurrent questions embedded in
 *                           one MiniLM inference (1 = one at a time); see index.EmbeddingBatcher
 * @param embeddingBatchWaitUs {@code ADVISOR_EMBEDDING_BATCH_WAIT_US}, 0..100000, default 200: how long a batch may
 *                           wait for more questions while another inference runs (a lone question never waits)
 * @param embeddingQueue     {@code ADVISOR_EMBEDDING_QUEUE}, 1..100000, default 256: questions that may wait for
 *                           the model; past it a request gets 503 {@code overloaded}
 * @param llmProvider        {@code LLM_PROVIDER}: {@code none} (default: extractive answers), {@code openai} (any
 *                           OpenAI-compatible server) or {@code ollama} (Ollama's native API)
 * @param llmBaseUrl         {@code LLM_BASE_URL}; default https://api.openai.com/v1 (openai) or
 *                           http://localhost:11434 (ollama)
 * @param llmApiKey          {@code LLM_API_KEY} (never logged); openai needs one unless the server ignores it
 * @param llmModel           {@code LLM_MODEL}; default gpt-4o-mini (openai) or llama3.1 (ollama)
 * @param llmTimeoutMs       {@code LLM_TIMEOUT_MS}, default 20000: the most one answer may wait for the LLM
 *                           before the extractive answer is served instead
 * @param breakerFailures    {@code LLM_BREAKER_FAILURES}, default 3 (1–5): the circuit breaker opens once at least
 *                           this many calls were made and this share (n/5) of the last 5 calls failed
 * @param breakerCooldownMs  {@code LLM_BREAKER_COOLDOWN_MS}, default 30000: how long an open breaker skips the LLM
 * @param llmMaxConcurrent   {@code LLM_MAX_CONCURRENT}, default 8 (1–256): blocking LLM calls in flight at once (the
 *                           bulkhead's threads)
 * @param llmQueue           {@code LLM_QUEUE}, default 16 (0–10000): calls that may wait for a thread; past it a call
 *                           falls back to the extractive answer at once ({@code bulkhead_full})
 * @param maxSessions        {@code ADVISOR_MAX_SESSIONS}: conversations kept at once, default 10000 (least
 *                           recently used dropped first)
 * @param sessionTtlSeconds  {@code ADVISOR_SESSION_TTL_SECONDS}: idle time after which a conversation is
 *                           forgotten, default 3600
 * @param maxBodyBytes       {@code ADVISOR_MAX_BODY_BYTES}: largest request body, default 16384
 * @param slackSigningSecret {@code SLACK_SIGNING_SECRET} (never logged)
 * @param slackBotToken      {@code SLACK_BOT_TOKEN} (never logged)
 * @param slackApiBaseUrl    {@code SLACK_API_BASE_URL}: the Slack Web API, default https://slack.com/api (tests point
 *                           it at a local server)
 * @param apiKeys            {@code ADVISOR_API_KEYS}, comma-separated (never logged)
 * @param corsOrigins        {@code ADVISOR_CORS_ORIGINS}, comma-separated
 * @param rateLimitPerMinute {@code ADVISOR_RATE_LIMIT_PER_MINUTE}, 0 = off (default)
 * @param redisUrl           {@code REDIS_URL} ({@code redis://host:port/db}, {@code rediss://} for TLS; may carry
 *                           a password, never logged): conversations, Slack claims and rate limits shared by
 *                           replicas. "" (default) = everything in this process's memory
 * @param tuningFile         {@code ADVISOR_TUNING_FILE}: a tuning file replacing the bundled
 *                           {@code analysis/tuning.json} (calibration runs, bench/calibration/sweep.sh); null = bundled
 * @param redisTimeoutMs     {@code REDIS_TIMEOUT_MS}, default 500 (10–60000): connect and command timeout; the most
 *                           a request waits for Redis before it falls back to this process's memory
 * @param adminKeys          {@code ADVISOR_ADMIN_KEYS}, comma-separated (never logged): keys that may add and delete
 *                           documents at run time ({@code POST/DELETE /api/documents}); none (default) = ingestion off
 * @param maxDocumentBytes   {@code ADVISOR_MAX_DOCUMENT_BYTES}, default 1 MiB (1024..64 MiB): the largest document, in
 *                           UTF-8 bytes, an upload may carry; a corpus file larger than this is skipped at load with a
 *                           warning naming it (the longest captured article is about 100 KB; a 2 MB document held
 *                           hybrid start-up for minutes)
 * @param dataDir            {@code ADVISOR_DATA_DIR}, default .data: where the embedded SQLite database of answers and
 *                           their feedback lives ({@code feedback.db}); empty = no database (answers are not recorded,
 *                           feedback answers 503). Unused when {@code ADVISOR_DATABASE_URL} is set
 * @param databaseUrl        {@code ADVISOR_DATABASE_URL}: a PostgreSQL database replicas share, as
 *                           {@code postgresql://user:password@host:port/db} or {@code jdbc:postgresql://…} (the
 *                           password is never logged); "" (default) = SQLite under {@code dataDir}
 * @param warmupSeconds      {@code ADVISOR_WARMUP_SECONDS}, default 180 (0..600; 0 = off): the longest the server
 *                           asks itself generated questions before {@code /ready} answers 200 and before a re-indexed
 *                           snapshot is swapped in (chat.Warmup; it stops earlier once the cost per question stops
 *                           falling and the JIT is quiet). 180 s: on 2 cores the JIT went quiet after 117–167 s
 *                           (18,000–20,500 questions), and a 120 s budget cut it short three times in four
 *                           (docs/benchmarks.md, issue 22); more cores get there sooner, and a re-index's warm-up ends
 *                           within seconds
 */
public record AppConfig(String host, int port, Path corpusDir, Path promptsDir, Path cacheDir, Retrieval retrieval,
                        int embeddingThreads, int embeddingBatch, int embeddingBatchWaitUs, int embeddingQueue,
                        LlmProvider llmProvider, String llmBaseUrl, String llmApiKey, String llmModel, int llmTimeoutMs,
                        int breakerFailures, int breakerCooldownMs, int llmMaxConcurrent, int llmQueue, int maxSessions, int sessionTtlSeconds,
                        int maxBodyBytes, String slackSigningSecret, String slackBotToken, String slackApiBaseUrl,
                        List<String> apiKeys, List<String> corsOrigins, int rateLimitPerMinute, String redisUrl,
                        int redisTimeoutMs, List<String> adminKeys, int maxDocumentBytes, Path tuningFile,
                        Path dataDir, String databaseUrl, int warmupSeconds) {

    /** How passages are retrieved. */
    public enum Retrieval {
        /** BM25 and MiniLM embeddings, fused. */
        HYBRID,
        /** BM25 only: no embedding model, no native code, start-up in well under a second. */
        KEYWORD
    }

    public AppConfig {
        apiKeys = List.copyOf(apiKeys);
        corsOrigins = List.copyOf(corsOrigins);
        adminKeys = List.copyOf(adminKeys);
    }

    /** Reads the process environment. */
    public static AppConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads {@code env} (a map so tests can pass their own).
     *
     * @throws ConfigException naming the first variable with a value it cannot use
     */
    public static AppConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        String cache = e.string("ADVISOR_CACHE_DIR", ".cache");
        String providerName = e.string("LLM_PROVIDER", "none").toLowerCase(Locale.ROOT);
        LlmProvider provider = Arrays.stream(LlmProvider.values()).filter(p -> p.code().equals(providerName)).findFirst()
                .orElseThrow(() -> new ConfigException("LLM_PROVIDER=" + providerName + " must be one of "
                        + Arrays.stream(LlmProvider.values()).map(LlmProvider::code).toList()));
        String baseUrl = e.string("LLM_BASE_URL", switch (provider) {
            case OPENAI -> "https://api.openai.com/v1";
            case OLLAMA -> "http://localhost:11434";
            case NONE -> "";
        });
        if (provider != LlmProvider.NONE && !baseUrl.matches("https?://\\S+")) {
            throw new ConfigException("LLM_BASE_URL=" + baseUrl + " must be an http(s) URL");
        }
        String model = e.string("LLM_MODEL", switch (provider) {
            case OPENAI -> "gpt-4o-mini";
            case OLLAMA -> "llama3.1";
            case NONE -> "";
        });
        String redisUrl = e.string("REDIS_URL", "");
        String tuning = e.string("ADVISOR_TUNING_FILE", "");
        String dataDir = e.string("ADVISOR_DATA_DIR", ".data");
        String databaseUrl = e.string("ADVISOR_DATABASE_URL", "");
        if (!databaseUrl.isEmpty() && !databaseUrl.matches("(jdbc:postgresql|postgres|postgresql)://\\S+")) {
            throw new ConfigException("ADVISOR_DATABASE_URL=" + masked(databaseUrl)
                    + " must be a postgresql://user:password@host:port/db or jdbc:postgresql:// URL");
        }
        if (!redisUrl.isEmpty() && !redisUrl.matches("rediss?://\\S+")) {
            throw new ConfigException("REDIS_URL=" + masked(redisUrl) + " must be a redis:// or rediss:// URL");
        }
        return new AppConfig(
                e.string("HOST", "127.0.0.1"),
                e.integer("PORT", 7070, 0, 65535),
                Path.of(e.string("ADVISOR_CORPUS_DIR", "corpus")),
                Path.of(e.string("ADVISOR_PROMPTS_DIR", "prompts")),
                cache.isBlank() ? null : Path.of(cache),
                e.choice("ADVISOR_RETRIEVAL", Retrieval.HYBRID, Retrieval.class),
                e.integer("ADVISOR_EMBEDDING_THREADS", 1, 1, 64),
                e.integer("ADVISOR_EMBEDDING_BATCH", 16, 1, 256),
                e.integer("ADVISOR_EMBEDDING_BATCH_WAIT_US", 200, 0, 100_000),
                e.integer("ADVISOR_EMBEDDING_QUEUE", 256, 1, 100_000),
                provider,
                baseUrl,
                e.string("LLM_API_KEY", ""),
                model,
                e.integer("LLM_TIMEOUT_MS", 20_000, 100, 600_000),
                e.integer("LLM_BREAKER_FAILURES", 3, 1, 5),
                e.integer("LLM_BREAKER_COOLDOWN_MS", 30_000, 100, 3_600_000),
                e.integer("LLM_MAX_CONCURRENT", 8, 1, 256),
                e.integer("LLM_QUEUE", 16, 0, 10_000),
                e.integer("ADVISOR_MAX_SESSIONS", 10_000, 1, 10_000_000),
                e.integer("ADVISOR_SESSION_TTL_SECONDS", 3600, 1, 30 * 24 * 3600),
                e.integer("ADVISOR_MAX_BODY_BYTES", 16 * 1024, 1024, 10 * 1024 * 1024),
                e.string("SLACK_SIGNING_SECRET", ""),
                e.string("SLACK_BOT_TOKEN", ""),
                e.string("SLACK_API_BASE_URL", "https://slack.com/api"),
                e.list("ADVISOR_API_KEYS"),
                e.list("ADVISOR_CORS_ORIGINS"),
                e.integer("ADVISOR_RATE_LIMIT_PER_MINUTE", 0, 0, 1_000_000),
                redisUrl,
                e.integer("REDIS_TIMEOUT_MS", 500, 10, 60_000),
                e.list("ADVISOR_ADMIN_KEYS"),
                e.integer("ADVISOR_MAX_DOCUMENT_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024),
                tuning.isBlank() ? null : Path.of(tuning),
                dataDir.isBlank() ? null : Path.of(dataDir),
                databaseUrl,
                e.integer("ADVISOR_WARMUP_SECONDS", 180, 0, 600));
    }

    /**
     * This configuration with no feedback database (no data directory, no database URL): what the offline commands
     * ({@code ask}, {@code eval}, {@code explain}, {@code candidates}) answer with, so that they record nothing.
     */
    public AppConfig withoutDatabase() {
        return withDatabase(null, "");
    }

    /**
     * This configuration with another feedback database: {@code dataDir} (null = none) for SQLite,
     * {@code databaseUrl} ("" = none) for PostgreSQL; everything else as it is.
     */
    public AppConfig withDatabase(Path dataDir, String databaseUrl) {
        return new AppConfig(host, port, corpusDir, promptsDir, cacheDir, retrieval, embeddingThreads, embeddingBatch,
                embeddingBatchWaitUs, embeddingQueue, llmProvider, llmBaseUrl, llmApiKey, llmModel, llmTimeoutMs,
                breakerFailures, breakerCooldownMs, llmMaxConcurrent, llmQueue, maxSessions, sessionTtlSeconds,
                maxBodyBytes, slackSigningSecret, slackBotToken, slackApiBaseUrl, apiKeys, corsOrigins,
                rateLimitPerMinute, redisUrl, redisTimeoutMs, adminKeys, maxDocumentBytes, tuningFile, dataDir,
                databaseUrl, warmupSeconds);
    }

    /** Whether answers are generated by an LLM (with the extractive answer as fallback). */
    public boolean llmEnabled() {
        return llmProvider != LlmProvider.NONE;
    }

    /** Whether documents may be added and deleted at run time ({@code ADVISOR_ADMIN_KEYS} set). */
    public boolean ingestionEnabled() {
        return !adminKeys.isEmpty();
    }

    /** Whether state shared by replicas lives in Redis ({@code REDIS_URL} set). */
    public boolean redisEnabled() {
        return !redisUrl.isEmpty();
    }

    /** Whether answers and their feedback are kept in a database (SQLite under {@code dataDir}, or PostgreSQL). */
    public boolean databaseEnabled() {
        return !databaseUrl.isEmpty() || dataDir != null;
    }

    /** Secrets masked, for logging the effective configuration. */
    @Override
    public String toString() {
        return "AppConfig[host=" + host + ", port=" + port + ", corpusDir=" + corpusDir + ", cacheDir=" + cacheDir
                + ", retrieval=" + retrieval + ", embeddingThreads=" + embeddingThreads + ", llmProvider=" + llmProvider.code() + ", llmBaseUrl=" + llmBaseUrl + ", llmModel=" + llmModel
                + ", embeddingBatch=" + embeddingBatch + ", embeddingBatchWaitUs=" + embeddingBatchWaitUs + ", embeddingQueue=" + embeddingQueue
                + ", llmApiKey=" + (llmApiKey.isEmpty() ? "unset" : "***") + ", maxSessions=" + maxSessions
                + ", sessionTtlSeconds=" + sessionTtlSeconds + ", maxBodyBytes=" + maxBodyBytes
                + ", apiKeys=" + apiKeys.size() + " configured, corsOrigins=" + corsOrigins
                + ", rateLimitPerMinute=" + rateLimitPerMinute
                + ", redisUrl=" + (redisUrl.isEmpty() ? "unset" : masked(redisUrl))
                + ", redisTimeoutMs=" + redisTimeoutMs + ", adminKeys=" + adminKeys.size() + " configured"
                + ", maxDocumentBytes=" + maxDocumentBytes + (tuningFile == null ? "" : ", tuningFile=" + tuningFile)
                + ", database=" + (databaseUrl.isEmpty() ? (dataDir == null ? "off" : "sqlite in " + dataDir) : masked(databaseUrl))
                + ", warmupSeconds=" + warmupSeconds + "]";
    }

    /** A URL with its user and password (the part before '@', and a {@code password=} parameter) masked. */
    private static String masked(String url) {
        url = url.replaceAll("(?i)(password=)[^&]*", "$1***");
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int start = url.indexOf("//");
        start = start < 0 || start > at ? 0 : start + 2;
        return url.substring(0, start) + "***" + url.substring(at);
    }

    private record Env(Map<String, String> env) {
        String string(String name, String fallback) {
            String v = env.get(name);
            return v == null ? fallback : v.trim();
        }

        int integer(String name, int fallback, int min, int max) {
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min || n > max) {
                    throw new ConfigException(name + "=" + v + " is out of range " + min + ".." + max);
                }
                return n;
            } catch (NumberFormatException ex) {
                throw new ConfigException(name + "=" + v + " is not a whole number");
            }
        }

        <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(name + "=" + v + " must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            }
        }

        List<String> list(String name) {
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                return List.of();
            }
            return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
