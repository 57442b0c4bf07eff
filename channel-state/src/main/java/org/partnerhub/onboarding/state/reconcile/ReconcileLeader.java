package org.partnerhub.onboarding.state.reconcile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.state.store.AdvisoryLocks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Which replica reconciles: the one holding a session-level PostgreSQL advisory lock
 * ({@link AdvisoryLocks#reconcileLeader()}) on a connection of its own, outside the pool, kept open while it leads.
 * PostgreSQL ends the session, and with it the lock, when that connection closes, so a replica that dies (or loses the
 * database) stops leading without anyone releasing anything, and the next replica to ask takes over. The gauge
 * {@code onboarding_reconcile_leader{instance}} is 1 on the leader and 0 elsewhere.
 *
 * <p>Two reconcilers at once would be safe (every fold takes its channels' locks) but would ask the Partner API
 * twice; the lock keeps the calls to one replica's {@code max-per-run}.
 */
@Singleton
public class ReconcileLeader {

    private static final Logger LOG = Logger.getLogger(ReconcileLeader.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String instance;
    private final AtomicInteger leading = new AtomicInteger();
    private SqlConnection held;

    @Inject
    ReconcileLeader(Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this(vertx, registry, connectOptions(url, username, password), hostName());
    }

    ReconcileLeader(Vertx vertx, MeterRegistry registry, PgConnectOptions options, String instance) {
        this.vertx = vertx;
        this.options = options;
        this.instance = instance;
        registry.gauge("onboarding.reconcile.leader", Tags.of("instance", instance), leading);
    }

    /** Whether this replica leads now: keeps the lead while its connection lives, else tries to take it. */
    public synchronized boolean lead() {
        if (held != null && !alive(held)) {
            LOG.warnf("Replica %s lost its connection, and with it the reconcilers' lead", instance);
            resign();
        }
        if (held == null) {
            held = tryLock();
            if (held != null) {
                LOG.infof("Replica %s leads the reconcilers", instance);
            }
        }
        leading.set(held == null ? 0 : 1);
        return held != null;
    }

    /** Closes the connection, which ends the lead; another replica takes it at its next run. */
    @PreDestroy
    public synchronized void resign() {
        if (held != null) {
            try {
                held.close().await().atMost(PATIENCE);
            } catch (RuntimeException alreadyGone) {
                LOG.debugf("Closing the leader's connection: %s", alreadyGone.getMessage());
            }
            held = null;
        }
        leading.set(0);
    }

    private SqlConnection tryLock() {
        PgConnection connection;
        try {
            connection = PgConnection.connect(vertx, options).await().atMost(PATIENCE);
        } catch (RuntimeException unreachable) {
            LOG.warnf("Replica %s cannot reach the database to lead the reconcilers: %s", instance,
                    unreachable.getMessage());
            return null;
        }
        try {
            boolean locked = connection.preparedQuery("select pg_try_advisory_lock($1)")
                    .execute(Tuple.of(AdvisoryLocks.reconcileLeader())).await().atMost(PATIENCE)
                    .iterator().next().getBoolean(0);
            if (locked) {
                return connection;
            }
        } catch (RuntimeException failed) {
            LOG.warnf("Replica %s could not ask for the reconcilers' lead: %s", instance, failed.getMessage());
        }
        connection.close().await().atMost(PATIENCE);
        return null;
    }

    private static boolean alive(SqlConnection connection) {
        try {
            connection.query("select 1").execute().await().atMost(PATIENCE);
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    /** The options of a connection of its own, outside the pool, to the service's database. */
    public static PgConnectOptions connectOptions(String url, Optional<String> username, Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
