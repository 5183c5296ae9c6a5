package dev.stackadvisor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {

    @Test
    void should_default_to_the_documented_values() {
        AppConfig c = AppConfig.fromEnv(Map.of());
        assertEquals("127.0.0.1", c.host());
        assertEquals(7070, c.port());
        assertEquals(AppConfig.Retrieval.HYBRID, c.retrieval());
        assertEquals(dev.stackadvisor.config.LlmProvider.NONE, c.llmProvider());
        assertEquals(16 * 1024, c.maxBodyBytes());
        assertEquals(20_000, c.llmTimeoutMs());
        assertEquals(1, c.embeddingThreads());
        assertEquals(16, c.embeddingBatch());
        assertEquals(200, c.embeddingBatchWaitUs());
        assertEquals(256, c.embeddingQueue());
        assertEquals(1024 * 1024, c.maxDocumentBytes());
        assertEquals(180, c.warmupSeconds());
        assertFalse(c.ingestionEnabled(), "no admin keys: ingestion off");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"PORT,seventy", "PORT,70000", "ADVISOR_RETRIEVAL,semantic", "ADVISOR_MAX_SESSIONS,0",
            "LLM_TIMEOUT_MS,-5", "ADVISOR_SESSION_TTL_SECONDS,x", "LLM_PROVIDER,gpt", "LLM_BREAKER_FAILURES,9",
            "ADVISOR_EMBEDDING_THREADS,0", "ADVISOR_EMBEDDING_THREADS,65", "REDIS_URL,localhost:6379",
            "REDIS_URL,http://cache:6379", "REDIS_TIMEOUT_MS,5",
            "ADVISOR_EMBEDDING_BATCH,0", "ADVISOR_EMBEDDING_BATCH,257", "ADVISOR_EMBEDDING_BATCH_WAIT_US,-1",
            "ADVISOR_EMBEDDING_BATCH_WAIT_US,100001", "ADVISOR_EMBEDDING_QUEUE,0", "ADVISOR_MAX_DOCUMENT_BYTES,1000",
            "ADVISOR_MAX_DOCUMENT_BYTES,1MB", "ADVISOR_WARMUP_SECONDS,-1", "ADVISOR_WARMUP_SECONDS,601",
            "ADVISOR_WARMUP_SECONDS,30s"})
    void should_fail_fast_naming_the_variable(String name, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.fromEnv(Map.of(name, value)));
        assertTrue(e.getMessage().startsWith(name + "="), e.getMessage());
    }

    @Test
    void should_read_keyword_mode_and_lists() {
        AppConfig c = AppConfig.fromEnv(Map.of("ADVISOR_RETRIEVAL", "KEYWORD", "ADVISOR_API_KEYS", " k1, k2 ,,",
                "ADVISOR_CACHE_DIR", ""));
        assertEquals(AppConfig.Retrieval.KEYWORD, c.retrieval());
        assertEquals(java.util.List.of("k1", "k2"), c.apiKeys());
        assertNull(c.cacheDir(), "an empty cache dir turns the cache off");
    }

    @Test
    void should_read_admin_keys_and_mask_them() {
        AppConfig c = AppConfig.fromEnv(Map.of("ADVISOR_ADMIN_KEYS", "secret-admin-1, secret-admin-2",
                "ADVISOR_MAX_DOCUMENT_BYTES", "2048"));
        assertEquals(java.util.List.of("secret-admin-1", "secret-admin-2"), c.adminKeys());
        assertTrue(c.ingestionEnabled());
        assertEquals(2048, c.maxDocumentBytes());
        assertFalse(c.toString().contains("secret-admin"), c.toString());
    }

    @Test
    void should_keep_state_in_memory_unless_a_redis_url_is_given() {
        assertFalse(AppConfig.fromEnv(Map.of()).redisEnabled());
        AppConfig c = AppConfig.fromEnv(Map.of("REDIS_URL", "rediss://cache.internal:6380/2", "REDIS_TIMEOUT_MS", "250"));
        assertTrue(c.redisEnabled());
        assertEquals("rediss://cache.internal:6380/2", c.redisUrl());
        assertEquals(250, c.redisTimeoutMs());
        assertEquals(500, AppConfig.fromEnv(Map.of()).redisTimeoutMs());
    }

    @Test
    void should_never_print_the_redis_password() {
        AppConfig c = AppConfig.fromEnv(Map.of("REDIS_URL", "redis://default:hunter2@cache:6379/0"));
        assertFalse(c.toString().contains("hunter2"), c.toString());
        assertTrue(c.toString().contains("redis://***@cache:6379/0"), c.toString());
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnv(Map.of("REDIS_URL", "redis:/user:hunter2@cache")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void should_never_print_secrets() {
        AppConfig c = AppConfig.fromEnv(Map.of("LLM_API_KEY", "sk-secret-value", "ADVISOR_API_KEYS", "key-123"));
        assertFalse(c.toString().contains("sk-secret-value"));
        assertFalse(c.toString().contains("key-123"));
    }

    @Test
    void should_keep_feedback_in_sqlite_under_the_data_dir_unless_a_database_url_is_given() {
        AppConfig defaults = AppConfig.fromEnv(Map.of());
        assertEquals(java.nio.file.Path.of(".data"), defaults.dataDir());
        assertEquals("", defaults.databaseUrl());
        assertTrue(defaults.databaseEnabled());
        AppConfig none = AppConfig.fromEnv(Map.of("ADVISOR_DATA_DIR", ""));
        assertEquals(null, none.dataDir());
        assertFalse(none.databaseEnabled());
        AppConfig pg = AppConfig.fromEnv(Map.of("ADVISOR_DATA_DIR", "", "ADVISOR_DATABASE_URL", "postgresql://db:5432/advisor"));
        assertTrue(pg.databaseEnabled());
        assertEquals("postgresql://db:5432/advisor", pg.databaseUrl());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mysql://db/advisor", "localhost:5432", "jdbc:sqlite:x.db",
            "postgresql:/db"})
    void should_refuse_a_database_url_that_is_not_postgresql(String url) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnv(Map.of("ADVISOR_DATABASE_URL", url)));
        assertTrue(e.getMessage().startsWith("ADVISOR_DATABASE_URL="), e.getMessage());
    }

    @Test
    void should_never_print_the_database_password() {
        AppConfig url = AppConfig.fromEnv(Map.of("ADVISOR_DATABASE_URL", "postgresql://advisor:hunter2@db:5432/advisor"));
        assertFalse(url.toString().contains("hunter2"), url.toString());
        assertTrue(url.toString().contains("postgresql://***@db:5432/advisor"), url.toString());
        AppConfig jdbc = AppConfig.fromEnv(Map.of("ADVISOR_DATABASE_URL",
                "jdbc:postgresql://db:5432/advisor?user=advisor&password=hunter2&ssl=true"));
        assertFalse(jdbc.toString().contains("hunter2"), jdbc.toString());
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.fromEnv(Map.of("ADVISOR_DATABASE_URL", "mysql://advisor:hunter2@db/advisor")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
