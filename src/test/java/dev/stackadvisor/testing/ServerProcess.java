package dev.stackadvisor.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate JVM, started the way production starts it ({@code dev.stackadvisor.app.Main serve})
 * from this test JVM's class path, on a free loopback port, with only the environment given (plus PATH and
 * HOME; {@code ADVISOR_WARMUP_SECONDS=0} unless it says otherwise). Ready once it prints its "listening" line (after
 * the indexes are loaded; with a warm-up, {@code /ready} turns 200 after it). {@link #kill()} is SIGKILL.
 */
public final class ServerProcess {

    private static final Pattern LISTENING = Pattern.compile("Stack Advisor listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;
    private final List<String> output;

    private ServerProcess(Process process, String baseUrl, List<String> output) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.output = output;
    }

    /**
     * Starts {@code Main serve} with {@code env} ({@code PORT} and {@code HOST} are set here) and waits for it to
     * listen.
     *
     * @throws IllegalStateException when it exits or does not listen within {@code timeout}, with its output
     */
    public static ServerProcess start(Map<String, String> env, Duration timeout) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "dev.stackadvisor.app.Main", "serve").redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
        e.put("ADVISOR_WARMUP_SECONDS", "0"); // no warm-up unless env asks for one
        e.putAll(env);
        e.putIfAbsent("ADVISOR_DATA_DIR", TestServer.SHARED_DATA_DIR.toString()); // never the developer's .data/
        e.put("PORT", "0");
        e.put("HOST", "127.0.0.1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone: its output ends here
            }
            listening.completeExceptionally(new IllegalStateException("the server exited with " + exitCode(p)));
        }, "server-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(p, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS), output);
        } catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
            p.destroyForcibly();
            throw new IllegalStateException("the server did not start: " + ex.getMessage() + "\n" + String.join("\n", output), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException(ex);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The process id (for the test's messages). */
    public long pid() {
        return process.pid();
    }

    /** Everything it printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** {@code POST /api/chat}. */
    public TestServer.Response chat(String message, String sessionId) {
        return TestServer.sendWithNewClient(HttpRequest.newBuilder(URI.create(baseUrl + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.chatJson(message, sessionId), StandardCharsets.UTF_8)));
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook runs, nothing is flushed.
     *
     * @return the exit code: 137 (128 + 9) when SIGKILL ended it
     */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    private static String exitCode(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }
}
