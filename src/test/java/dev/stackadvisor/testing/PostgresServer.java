package dev.stackadvisor.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (Debian's {@code postgresql} package: {@code initdb} and {@code postgres} under
 * {@code /usr/lib/postgresql/<version>/bin}, which {@code .ci/run} installs) on a free loopback port, its cluster in
 * a temporary directory, trust authentication for the user {@code postgres}. PostgreSQL refuses to run as root: as
 * root the cluster belongs to {@code nobody} and both programs run through {@code runuser -u nobody}. It can be
 * stopped (fast shutdown: connections drop) and started again on the same port with its data (an outage). Tests
 * call {@link #startOrSkip()}: without the binaries they are skipped, saying how to install them.
 */
public final class PostgresServer implements AutoCloseable {

    /** Where Debian's packages put the server programs, one directory per major version. */
    public static final Path VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String RUN_AS = "nobody";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;
    private Process process;

    private PostgresServer(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
    }

    /**
     * Creates a cluster and starts it, or skips the calling test (JUnit assumption) when PostgreSQL is not installed
     * (or cannot be run as a non-root user).
     */
    public static PostgresServer startOrSkip() {
        Optional<Path> bin = binaries();
        assumeTrue(bin.isPresent(), "skipped: no initdb and postgres under " + VERSIONS + "/*/bin (apt-get install "
                + "postgresql; .ci/run installs it): the PostgreSQL tests need a real PostgreSQL");
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "skipped: running as root without /usr/sbin/runuser, and PostgreSQL refuses to run as root");
        try {
            PostgresServer pg = new PostgresServer(bin.get(), Files.createTempDirectory("postgres-test"), LocalProcesses.freePort(), root);
            pg.init();
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code postgresql://postgres@127.0.0.1:<port>/postgres}: the form {@code ADVISOR_DATABASE_URL} takes. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, on the same port, with its data) and waits until it takes connections. */
    public void start() {
        process = spawn(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(), "-p", String.valueOf(port),
                "-h", "127.0.0.1", "-k", dir.toString(), "-c", "fsync=off");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("postgres did not start on port " + port + ": see " + dir.resolve("postgres.log"));
            }
            LocalProcesses.sleep(Duration.ofMillis(50));
        }
    }

    /**
     * Stops the server with a fast shutdown (SIGINT to the postmaster: sessions are cut at once, the data is kept)
     * and waits for it to be gone.
     */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            String pid = Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).strip();
            new ProcessBuilder("kill", "-INT", pid).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one query as {@code postgres} and returns the first column of the first row, or null when none. */
    public String query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not a test failure
        }
    }

    private void init() throws IOException {
        if (root) {
            run("chown", "-R", RUN_AS + ":", dir.toString());
        }
        Process initdb = spawn(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "--no-sync", "-E", "UTF8");
        try {
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                throw new IllegalStateException("initdb failed: see " + dir.resolve("postgres.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a PostgreSQL program (as {@code nobody} when we are root), its output appended to postgres.log. */
    private Process spawn(String... command) {
        List<String> argv = new ArrayList<>();
        if (root) {
            argv.addAll(List.of("/usr/sbin/runuser", "-u", RUN_AS, "--"));
        }
        argv.addAll(List.of(command));
        try {
            return new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) throws IOException {
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try (Connection c = connect()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2", "postgres", "");
    }

    private static Optional<Path> binaries() {
        if (!Files.isDirectory(VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
