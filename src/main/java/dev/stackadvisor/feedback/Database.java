package dev.stackadvisor.feedback;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stackadvisor.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database answers and their feedback live in: SQLite in {@code ADVISOR_DATA_DIR/feedback.db} (embedded, the
 * default) or PostgreSQL at {@code ADVISOR_DATABASE_URL} (what replicas share). Connections come from a HikariCP
 * pool; the schema ({@code db/migration} on the class path, one for both) is migrated by Flyway on first use, and
 * again on a later use if the database was down then, so a server starts and answers with its database down.
 *
 * <p>Durability: a unit of work commits before {@link #transaction} returns. SQLite runs in WAL mode with
 * {@code synchronous=FULL} (the WAL is synced at every commit), PostgreSQL with its default synchronous commit, so
 * a commit survives the process being killed. A pool connection waits at most {@link #CONNECT_TIMEOUT_MS} for the
 * database: a database that is down fails a call in about that long, never a request for minutes. Thread-safe.
 */
public final class Database implements AutoCloseable {

    /** Which database. */
    public enum Kind {
        /** Embedded, one file. */
        SQLITE,
        /** A server, shared by replicas. */
        POSTGRESQL
    }

    /** Most a caller waits for a connection, milliseconds (HikariCP's lower bound is 250). */
    public static final long CONNECT_TIMEOUT_MS = 1_000;
    /** The SQLite file under {@code ADVISOR_DATA_DIR}. */
    public static final String SQLITE_FILE = "feedback.db";

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Kind kind;
    private final Flyway flyway;
    private volatile boolean migrated;

    private Database(HikariDataSource pool, Kind kind) {
        this.pool = pool;
        this.kind = kind;
        this.flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
    }

    /** One unit of work on a connection; its exceptions roll the transaction back. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs on {@code c} (auto-commit off). */
        T run(Connection c) throws SQLException;
    }

    /**
     * The configured database: PostgreSQL when {@code ADVISOR_DATABASE_URL} is set, else SQLite under
     * {@code ADVISOR_DATA_DIR} (created if missing); empty when neither is set. Does not connect: a database that is
     * down is found (and said) at first use.
     *
     * @throws UncheckedIOException when the data directory cannot be created
     */
    public static Optional<Database> open(AppConfig config) {
        HikariConfig h = new HikariConfig();
        Kind kind;
        if (!config.databaseUrl().isEmpty()) {
            kind = Kind.POSTGRESQL;
            configurePostgres(h, config.databaseUrl());
            h.setMaximumPoolSize(4);
        } else if (config.dataDir() != null) {
            kind = Kind.SQLITE;
            Path dir = config.dataDir().toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create ADVISOR_DATA_DIR " + dir, e);
            }
            h.setJdbcUrl("jdbc:sqlite:" + dir.resolve(SQLITE_FILE));
            // sqlite-jdbc reads these pragmas from the connection properties, on every pooled connection
            h.addDataSourceProperty("journal_mode", "WAL");
            h.addDataSourceProperty("synchronous", "FULL");
            h.addDataSourceProperty("busy_timeout", "5000");
            h.addDataSourceProperty("foreign_keys", "true");
            h.setMaximumPoolSize(2); // one writer at a time anyway; a second connection lets a read pass a batch
        } else {
            return Optional.empty();
        }
        h.setPoolName("feedback-db");
        h.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        h.setValidationTimeout(CONNECT_TIMEOUT_MS);
        h.setMinimumIdle(0);
        h.setAutoCommit(false);
        h.setInitializationFailTimeout(-1); // start even when the database is down; connect on first use
        return Optional.of(new Database(new HikariDataSource(h), kind));
    }

    /** Which database this is. */
    public Kind kind() {
        return kind;
    }

    /**
     * Runs {@code work} in one transaction, committed before this returns; migrates the schema first if that has not
     * been done yet.
     *
     * @throws FeedbackUnavailableException when the database cannot be reached or the work fails in it
     */
    public <T> T transaction(Work<T> work) {
        migrate();
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Whether the database answers now (a connection validated within {@link #CONNECT_TIMEOUT_MS}). */
    public boolean check() {
        try (Connection c = pool.getConnection()) {
            return c.isValid((int) Math.max(1, CONNECT_TIMEOUT_MS / 1000));
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Applies the pending migrations (once per process when they succeed).
     *
     * @throws FeedbackUnavailableException when the database cannot be reached
     */
    public void migrate() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (migrated) {
                return;
            }
            try {
                var result = flyway.migrate();
                log.info("{} database schema at version {} ({} migrations applied)", kind.name().toLowerCase(Locale.ROOT),
                        result.targetSchemaVersion, result.migrationsExecuted);
                migrated = true;
            } catch (RuntimeException e) { // Flyway wraps the SQLException of a database that is down
                throw unavailable(e);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private FeedbackUnavailableException unavailable(Exception e) {
        return new FeedbackUnavailableException("the feedback database (" + kind.name().toLowerCase(Locale.ROOT)
                + ") is unavailable: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse(s);
    }

    /**
     * {@code postgresql://user:password@host:port/db?params} (the form Open WebUI and libpq take) becomes
     * {@code jdbc:postgresql://host:port/db?params} with the user and password as pool credentials; a
     * {@code jdbc:postgresql://} URL is used as it is.
     */
    static void configurePostgres(HikariConfig h, String url) {
        // the driver's own timeouts: a database that is down or hung fails a statement in seconds
        h.addDataSourceProperty("connectTimeout", "2");
        h.addDataSourceProperty("socketTimeout", "10");
        if (url.startsWith("jdbc:")) {
            h.setJdbcUrl(url);
            return;
        }
        URI uri = URI.create(url);
        String user = uri.getRawUserInfo();
        if (user != null) {
            int colon = user.indexOf(':');
            h.setUsername(decode(colon < 0 ? user : user.substring(0, colon)));
            if (colon >= 0) {
                h.setPassword(decode(user.substring(colon + 1)));
            }
        }
        String hostPort = uri.getHost() == null ? "" : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        h.setJdbcUrl("jdbc:postgresql://" + hostPort + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
