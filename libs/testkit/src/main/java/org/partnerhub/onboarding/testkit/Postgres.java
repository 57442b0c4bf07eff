package org.partnerhub.onboarding.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server (zonky's embedded binaries) on a local port, handing out fresh databases. */
public final class Postgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Postgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    static final String USER = "postgres";

    private final AtomicInteger databases = new AtomicInteger();
    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server, Path dataDir, boolean temporary) {
        this.server = server;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = server.getPort();
    }

    /** Starts a server on a random free port with a throw-away data directory. */
    public static Postgres start() {
        return start(0, null);
    }

    /**
     * Starts a server.
     *
     * @param port the port, 0 for a random free one
     * @param dataDir where to keep the cluster (kept across restarts), or null for a temporary one, deleted on close
     */
    public static Postgres start(int port, Path dataDir) {
        try {
            Path data = dataDir == null ? Files.createTempDirectory("testkit-pg-") : Files.createDirectories(dataDir);
            return new Postgres(server(FreePorts.orPick(port), data), data, dataDir == null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL", e);
        }
    }

    /** initdb runs only when the directory holds no cluster yet, so a restart finds every database as it was. */
    private static EmbeddedPostgres server(int port, Path data) throws IOException {
        long started = System.nanoTime();
        // As root, zonky runs initdb and pg_ctl under `unshare -U`: PostgreSQL refuses to run as root.
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .start();
        LOG.infof("PostgreSQL ready on port %d in %d ms", server.getPort(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /**
     * Stops the server as an outage would, keeping its data directory and port: clients see refused connections
     * until {@link #restart()}.
     */
    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        }
    }

    /** Starts the stopped server again on the same port with the same data. */
    public synchronized void restart() {
        try {
            server = server(port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart PostgreSQL", e);
        }
    }

    public int port() {
        return port;
    }

    /** Creates a new, empty database with a generated name. */
    public Database createDatabase() {
        return createDatabase("test_" + databases.incrementAndGet() + "_" + Long.toHexString(System.nanoTime()));
    }

    /** Creates the database if it does not exist yet; the name must be a plain lower-case identifier. */
    public Database createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next();
            if (!exists) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return database(name);
    }

    public Database database(String name) {
        return new Database(name, "localhost", port, USER);
    }

    private synchronized DataSource postgresDatabase() {
        return server.getPostgresDatabase();
    }

    @Override
    public synchronized void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warnf("PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", directory, e.getMessage());
        }
    }

    /** Where a database is, in the forms the JDBC and the reactive (Vert.x) clients want. */
    public record Database(String name, String host, int port, String username) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }
    }
}
