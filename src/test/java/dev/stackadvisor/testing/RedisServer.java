package dev.stackadvisor.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package, {@code /usr/bin/redis-server}, which {@code .ci/run} installs)
 * on a free loopback port, with no persistence (no RDB snapshots, no AOF), its files in a temporary directory.
 * It can be stopped and started again on the same port (an outage) or paused with SIGSTOP (a Redis that hangs).
 * Tests call {@link #startOrSkip()}: without the binary they are skipped, saying how to install it.
 */
public final class RedisServer implements AutoCloseable {

    /** Where Debian's {@code redis-server} package puts the server. */
    public static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts a server, or skips the calling test (JUnit assumption) when {@code redis-server} is not installed.
     */
    public static RedisServer startOrSkip() {
        assumeTrue(Files.isExecutable(BINARY), "skipped: " + BINARY + " is missing (apt-get install redis-server; "
                + ".ci/run installs it): the Redis tests need a real Redis");
        try {
            RedisServer redis = new RedisServer(Files.createTempDirectory("redis-test"), LocalProcesses.freePort());
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code redis://127.0.0.1:<port>/0}. */
    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, on the same port, empty) and waits until it answers PING. */
    public void start() {
        try {
            process = new ProcessBuilder(List.of(BINARY.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"+PONG".equals(command("PING"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port + ": see " + dir.resolve("redis.log"));
            }
            LocalProcesses.sleep(Duration.ofMillis(20));
        }
    }

    /** Kills the server (SIGKILL: connections drop at once, nothing is saved) and waits for it to be gone. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGSTOP: the server keeps its connections but answers nothing, as a hung Redis does. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    /**
     * Sends one inline command and returns the first line of the reply (e.g. {@code +PONG}, {@code :3},
     * {@code $-1}), or null when the server cannot be reached. For tests to look at what the service wrote.
     */
    public String command(String inline) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        stop(); // SIGKILL ends a paused server too
    }

    private void signal(String name) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
