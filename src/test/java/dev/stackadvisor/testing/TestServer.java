package dev.stackadvisor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackadvisor.app.ServiceFactory;
import dev.stackadvisor.chat.Services;
import dev.stackadvisor.chat.SharedRedis;
import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.http.Drain;
import dev.stackadvisor.http.HttpApi;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server on a free port, wired exactly as {@code Main} wires it ({@link ServiceFactory#build} +
 * {@link HttpApi#create}), with the real corpus and, in hybrid mode, the real MiniLM model, plus a small
 * HTTP client that returns status, headers and the body parsed as JSON.
 *
 * <p><b>Shared services.</b> Loading the model and building the indexes takes seconds, so
 * {@link #start(AppConfig.Retrieval)} reuses one {@link Services} per retrieval mode for the whole test JVM
 * (lazily built, guarded by the class lock). This is test-only state: every test class still starts its own
 * Javalin server, and tests never depend on what another test left in the shared session store, because
 * each conversation uses its own (fresh or random) session id. Tests that need their own start-up — such
 * as the embedding-cache test — call {@link #start(AppConfig)} with a config of their own.
 *
 * <p>The embedding cache of the shared hybrid services lives in {@code target/test-cache}, so a build
 * embeds the corpus at most once and {@code mvn clean} starts over.
 */
public final class TestServer implements AutoCloseable {

    /** Where the shared fixtures keep their embeddings; survives between runs until {@code mvn clean}. */
    public static final Path SHARED_CACHE_DIR = Path.of("target", "test-cache").toAbsolutePath();
    /** Where test servers keep their SQLite feedback database unless a test says otherwise (never the real .data/). */
    public static final Path SHARED_DATA_DIR = Path.of("target", "test-data").toAbsolutePath();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");
    private static final Map<AppConfig.Retrieval, Services> SHARED = new EnumMap<>(AppConfig.Retrieval.class);

    private final Javalin app;
    private final Drain drain;
    private final String baseUrl;
    private final Services services;
    private final boolean ownServices;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance: the server speaks HTTP/1.1
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestServer(AppConfig config, Services services, boolean ownServices) {
        this.services = services;
        this.ownServices = ownServices;
        this.drain = new Drain();
        this.app = HttpApi.create(config, () -> services, services.meters(), drain, services.redis()).start();
        this.baseUrl = "http://127.0.0.1:" + app.port();
    }

    /** A server on a free port backed by the JVM-wide shared services for {@code retrieval}. */
    public static TestServer start(AppConfig.Retrieval retrieval) {
        return new TestServer(config(retrieval, SHARED_CACHE_DIR), shared(retrieval), false);
    }

    /**
     * A server on a free port backed by services built now from {@code config} (nothing shared; with
     * {@code REDIS_URL} set, its own Redis connection, closed when the server stops). {@code config} must have the
     * warm-up off ({@code ADVISOR_WARMUP_SECONDS=0}, as {@link #config} sets it).
     */
    public static TestServer start(AppConfig config) {
        if (config.warmupSeconds() != 0) {
            // this harness never calls Library.warmUp, so the server would stay not ready: start Main in a
            // ServerProcess to test the warm-up
            throw new IllegalArgumentException("TestServer needs ADVISOR_WARMUP_SECONDS=0 (see config(...))");
        }
        AppConfig c = withTestDataDir(config);
        return new TestServer(c, ServiceFactory.build(c), true);
    }

    /**
     * {@code config} with its feedback database moved from the default {@code .data/} (the developer's own) to
     * {@link #SHARED_DATA_DIR}; a test that names a data directory or a database URL keeps it.
     */
    static AppConfig withTestDataDir(AppConfig config) {
        if (!Path.of(".data").equals(config.dataDir())) {
            return config;
        }
        return config.withDatabase(SHARED_DATA_DIR, config.databaseUrl());
    }

    /**
     * The configuration the tests use: the repository's {@code corpus/}, port 0, the given retrieval mode and
     * embedding cache directory, no warm-up ({@code ADVISOR_WARMUP_SECONDS=0}), everything else at its default.
     */
    public static AppConfig config(AppConfig.Retrieval retrieval, Path cacheDir) {
        return config(retrieval, cacheDir, Map.of());
    }

    /** As {@link #config(AppConfig.Retrieval, Path)}, plus (or overridden by) the environment variables {@code extra}. */
    public static AppConfig config(AppConfig.Retrieval retrieval, Path cacheDir, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "ADVISOR_CORPUS_DIR", corpusDir().toString(),
                "ADVISOR_CACHE_DIR", cacheDir.toAbsolutePath().toString(),
                "ADVISOR_RETRIEVAL", retrieval.name().toLowerCase(Locale.ROOT),
                "PORT", "0",
                "ADVISOR_WARMUP_SECONDS", "0")); // the suite does not warm up; WarmupTest does
        env.put("ADVISOR_DATA_DIR", SHARED_DATA_DIR.toString());
        env.putAll(extra);
        return AppConfig.fromEnv(env);
    }

    /** The shared services for a retrieval mode, built on first use. */
    public static synchronized Services shared(AppConfig.Retrieval retrieval) {
        return SHARED.computeIfAbsent(retrieval, r -> ServiceFactory.build(config(r, SHARED_CACHE_DIR)));
    }

    /** Absolute path of the corpus the server reads (tests run with the project directory as cwd). */
    public static Path corpusDir() {
        Path dir = Path.of("corpus").toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no corpus at " + dir + ": run the tests from the project directory");
        }
        return dir;
    }

    /** The raw text of {@code corpus/<documentId>.txt}, or empty when there is no such file. */
    public static Optional<String> corpusText(String documentId) {
        Path file = corpusDir().resolve(documentId + ".txt");
        if (!documentId.matches("[A-Za-z0-9_-]+") || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * White space folded the way citations fold it: every run of white space, no-break spaces included, becomes
     * one space; leading and trailing space is dropped.
     */
    public static String normalizeWhitespace(String s) {
        return s.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Stops taking requests, lets those in flight finish (up to {@code timeoutMs}), stops; true if all finished. */
    public boolean drainAndStop(long timeoutMs) {
        return drain.drainAndStop(app, timeoutMs);
    }

    /** The services behind this server (shared or its own). */
    public Services services() {
        return services;
    }

    /** {@code GET path}. */
    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** {@code POST path} with a JSON body and {@code Content-Type: application/json}. */
    public Response postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code POST path} with raw bytes.
     *
     * @param contentType the header value, or null to send no Content-Type at all
     */
    public Response post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /**
     * {@code POST path} over a plain socket that reads the response while it is still writing the body, as
     * curl does. For bodies the server refuses unread (over the size limit): it answers 413 and closes, which
     * java.net.http reports as a broken pipe instead of a response (and its {@code expectContinue} hangs on a
     * final non-100 reply in JDK 17).
     */
    public Response postRaw(String path, String contentType, byte[] body) {
        return postRaw(path, Map.of("Content-Type", contentType), body);
    }

    /**
     * As {@link #postRaw(String, String, byte[])} with any request headers; Content-Length is added unless they set
     * Transfer-Encoding (then {@code body} must be encoded accordingly).
     */
    public Response postRaw(String path, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            StringBuilder fields = new StringBuilder();
            headers.forEach((k, v) -> fields.append(k).append(": ").append(v).append("\r\n"));
            String length = headers.containsKey("Transfer-Encoding") ? "" : "Content-Length: " + body.length + "\r\n";
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields + length
                    + "Connection: close\r\n\r\n";
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (IOException expected) {
                    // the server stopped reading: its answer is what the test looks at
                }
            }, "raw-post-writer");
            writer.setDaemon(true);
            writer.start();
            byte[] raw = readResponse(socket.getInputStream());
            writer.join(5_000);
            return parseRaw(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads until the end of the response headers plus Content-Length bytes, or until the server closes. */
    private static byte[] readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            buffer.write(chunk, 0, n);
            String text = buffer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                Matcher length = CONTENT_LENGTH.matcher(text.substring(0, end));
                if (length.find() && buffer.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                    break;
                }
            }
        }
        return buffer.toByteArray();
    }

    private static Response parseRaw(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP response: '" + text + "'");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String contentType = "";
        for (String line : lines) {
            if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                contentType = line.substring(13).strip();
            }
        }
        String body = text.substring(end + 4);
        return new Response(status, contentType, body, parse(body));
    }

    /** Sends a prepared request (for unusual bodies such as chunked uploads). */
    public Response send(HttpRequest.Builder request) {
        return send(client, request);
    }

    /**
     * Sends a prepared request with a client of its own: for servers this class did not start (a separate JVM,
     * see {@link ServerProcess}).
     */
    public static Response sendWithNewClient(HttpRequest.Builder request) {
        return send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
                request);
    }

    private static Response send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            r.headers().map().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), parse(r.body()),
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /api/chat} with {@code message} and, when not null, {@code sessionId}. */
    public Response chat(String message, String sessionId) {
        return postJson("/api/chat", chatJson(message, sessionId));
    }

    /** The body of {@code POST /api/chat}: {@code message} and, when not null, {@code sessionId}. */
    public static String chatJson(String message, String sessionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        return toJson(body);
    }

    /** {@code POST /api/chat} in a new conversation. */
    public Response chat(String message) {
        return chat(message, null);
    }

    /** Serialises a value with Jackson (so strings are escaped properly). */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        app.stop();
        if (ownServices) {
            services.redis().ifPresent(SharedRedis::close);
            services.feedback().ifPresent(dev.stackadvisor.feedback.FeedbackService::close);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null; // not JSON: json() stays null and tests say so
        }
    }

    /**
     * A response.
     *
     * @param status      HTTP status
     * @param contentType the Content-Type header, "" when absent
     * @param body        the raw body
     * @param json        the body parsed as JSON, or null when it is not JSON
     * @param headers     response headers, first value of each, names as the server sent them
     */
    public record Response(int status, String contentType, String body, JsonNode json, Map<String, String> headers) {

        public Response(int status, String contentType, String body, JsonNode json) {
            this(status, contentType, body, json, Map.of());
        }

        /** The JSON body; fails the test with the raw body when it is not JSON. */
        public JsonNode json() {
            if (json == null) {
                throw new AssertionError("expected a JSON body but got status " + status + " '" + contentType + "': " + body);
            }
            return json;
        }

        /** For assertion messages. */
        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
