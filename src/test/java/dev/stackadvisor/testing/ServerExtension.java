package dev.stackadvisor.testing;

import dev.stackadvisor.chat.Services;
import dev.stackadvisor.config.AppConfig;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The set-up end-to-end test classes share: a real server ({@link TestServer}) on a free port, started before the
 * class's first test and stopped after its last. Register it on a static field, and call the server through it:
 * <pre>{@code
 * @EndToEnd
 * class ChatApiTest {
 *     @RegisterExtension
 *     static final ServerExtension server = ServerExtension.shared(AppConfig.Retrieval.HYBRID);
 *
 *     @Test
 *     void should_answer() {
 *         TestServer.Response r = server.chat("...");
 * }</pre>
 * A test method or {@code @BeforeAll} may also take the running {@link TestServer} as a parameter.
 *
 * <p>{@link #shared} servers answer from the JVM-wide services of their retrieval mode (the real corpus, and MiniLM in
 * hybrid mode, built once per test JVM: see {@link TestServer}); {@link #own} servers build services of their own from
 * the configuration, read when the class starts. State lives in this instance, one per test class (no static state).
 * Its calls fail with {@link IllegalStateException} outside the class's lifetime.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Supplier<TestServer> starter;
    private TestServer server;

    private ServerExtension(Supplier<TestServer> starter) {
        this.starter = starter;
    }

    /** A server over the shared services of {@code retrieval} ({@link TestServer#start(AppConfig.Retrieval)}). */
    public static ServerExtension shared(AppConfig.Retrieval retrieval) {
        return new ServerExtension(() -> TestServer.start(retrieval));
    }

    /**
     * A server with services of its own from {@code config} ({@link TestServer#start(AppConfig)}: warm-up off), the
     * supplier called when the class starts.
     */
    public static ServerExtension own(Supplier<AppConfig> config) {
        return new ServerExtension(() -> TestServer.start(config.get()));
    }

    /**
     * A server with services of its own: the real corpus, {@code retrieval}, the shared embedding cache, no warm-up
     * ({@link TestServer#config(AppConfig.Retrieval, java.nio.file.Path, Map)}), plus (or overridden by) {@code env}.
     */
    public static ServerExtension withEnv(AppConfig.Retrieval retrieval, Map<String, String> env) {
        return own(() -> TestServer.config(retrieval, TestServer.SHARED_CACHE_DIR, env));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server != null) {
            throw new IllegalStateException("ServerExtension registered on a field of a nested or repeated class: "
                    + context.getDisplayName());
        }
        server = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            try {
                server.stop();
            } finally {
                server = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    /** The running server. */
    public TestServer server() {
        if (server == null) {
            throw new IllegalStateException("the server runs only between the class's @BeforeAll and @AfterAll");
        }
        return server;
    }

    /** As {@link TestServer#baseUrl()}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    /** As {@link TestServer#services()}. */
    public Services services() {
        return server().services();
    }

    /** As {@link TestServer#get(String)}. */
    public TestServer.Response get(String path) {
        return server().get(path);
    }

    /** As {@link TestServer#postJson(String, String)}. */
    public TestServer.Response postJson(String path, String json) {
        return server().postJson(path, json);
    }

    /** As {@link TestServer#post(String, String, byte[])}. */
    public TestServer.Response post(String path, String contentType, byte[] body) {
        return server().post(path, contentType, body);
    }

    /** As {@link TestServer#postRaw(String, String, byte[])}. */
    public TestServer.Response postRaw(String path, String contentType, byte[] body) {
        return server().postRaw(path, contentType, body);
    }

    /** As {@link TestServer#postRaw(String, Map, byte[])}. */
    public TestServer.Response postRaw(String path, Map<String, String> headers, byte[] body) {
        return server().postRaw(path, headers, body);
    }

    /** As {@link TestServer#send(HttpRequest.Builder)}. */
    public TestServer.Response send(HttpRequest.Builder request) {
        return server().send(request);
    }

    /** As {@link TestServer#chat(String)}. */
    public TestServer.Response chat(String message) {
        return server().chat(message);
    }

    /** As {@link TestServer#chat(String, String)}. */
    public TestServer.Response chat(String message, String sessionId) {
        return server().chat(message, sessionId);
    }
}
