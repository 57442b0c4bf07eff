package org.partnerhub.onboarding.state.importer;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnerhub.onboarding.state.reconcile.ReconcileLeader;
import org.partnerhub.onboarding.state.store.AdvisoryLocks;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The session-level PostgreSQL advisory lock {@link AdvisoryLocks#firstInstallImport()}, on a connection of its own
 * outside the pool: the import holds it while it runs, so that a second import (a Job started twice, an operator at a
 * terminal) refuses to start rather than read the same pages within a second budget. Should the import die, its
 * connection closes and PostgreSQL releases the lock.
 */
@Singleton
public class ImportLock {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final PgConnectOptions options;

    @Inject
    ImportLock(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = ReconcileLeader.connectOptions(url, username, password);
    }

    /** The connection holding the lock (close it to release); empty when another import holds it. */
    public Optional<SqlConnection> tryTake() {
        PgConnection connection = PgConnection.connect(vertx, options).await().atMost(PATIENCE);
        try {
            boolean locked = connection.preparedQuery("select pg_try_advisory_lock($1)")
                    .execute(Tuple.of(AdvisoryLocks.firstInstallImport())).await().atMost(PATIENCE)
                    .iterator().next().getBoolean(0);
            if (locked) {
                return Optional.of(connection);
            }
        } catch (RuntimeException failed) {
            connection.close().await().atMost(PATIENCE);
            throw failed;
        }
        connection.close().await().atMost(PATIENCE);
        return Optional.empty();
    }
}
