package org.partnerhub.onboarding.state.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.state.store.AdvisoryLocks;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/** Two replicas' reconcilers on one database. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ReconcileLeaderTest {

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    private ReconcileLeader first;
    private ReconcileLeader second;

    @AfterEach
    void resign() {
        first.resign();
        second.resign();
    }

    @Test
    void exactlyOneReplicaReconcilesAndAnotherTakesOverWhenItsConnectionDies() {
        first = leader("replica-1");
        second = leader("replica-2");

        int firstRuns = 0;
        int secondRuns = 0;
        for (int run = 0; run < 3; run++) {
            firstRuns += first.lead() ? 1 : 0;
            secondRuns += second.lead() ? 1 : 0;
        }

        assertThat(firstRuns).as("the replica that asked first keeps leading").isEqualTo(3);
        assertThat(secondRuns).isZero();
        assertThat(gauge("replica-1")).isEqualTo(1.0);
        assertThat(gauge("replica-2")).isEqualTo(0.0);

        // The leader dies: PostgreSQL ends its session, as when the process is gone and its connection closes.
        long key = AdvisoryLocks.reconcileLeader();
        int terminated = pool.preparedQuery("select pg_terminate_backend(pid) from pg_locks "
                + "where locktype = 'advisory' and granted and objsubid = 1 and classid::bigint = (($1::bigint >> 32) & 4294967295) "
                + "and objid::bigint = ($1::bigint & 4294967295)").execute(Tuple.of(key)).await().indefinitely().size();
        assertThat(terminated).isEqualTo(1);

        // The backend ends a moment after it was told to; the other replica takes over at one of its next runs.
        await().atMost(Duration.ofSeconds(10)).until(second::lead);
        assertThat(first.lead()).as("the old leader finds its lead gone").isFalse();
        assertThat(gauge("replica-1")).isEqualTo(0.0);
        assertThat(gauge("replica-2")).isEqualTo(1.0);
    }

    private ReconcileLeader leader(String instance) {
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        username.ifPresent(options::setUser);
        return new ReconcileLeader(vertx, registry, options, instance);
    }

    private double gauge(String instance) {
        return registry.get("onboarding.reconcile.leader").tag("instance", instance).gauge().value();
    }
}
