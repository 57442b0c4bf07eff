package org.partnerhub.onboarding.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay runs as soon as a transaction that wrote outbox records commits, whoever committed it: run by each
 * service as a {@code @QuarkusTest} with {@link PollingOnlyHourly}, so that only the commit can have woken it.
 */
public abstract class OutboxWakeContract {

    /** The profile of the services' wake tests. */
    public static class PollingOnlyHourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.outbox.poll-interval", "1h");
        }
    }

    @Inject
    protected Pool pool;

    @Test
    void aCommitWakesTheRelayWithoutWaitingForThePoll() {
        String topic = "outbox.wake." + UUID.randomUUID().toString().substring(0, 8);
        // The hourly poll ran once at start-up, and started listening for commits then.
        await().atMost(Duration.ofSeconds(30)).until(this::relayListens);

        // The first may still be caught by that start-up run; the second can only be sent because it was committed.
        for (int n = 0; n < 2; n++) {
            OutboxRecord record = new OutboxRecord(topic, "channel", Map.of("ce_id", topic + "/" + n),
                    Integer.toString(n).getBytes(StandardCharsets.UTF_8));
            pool.withTransaction(connection -> OutboxWriter.insert(connection, List.of(record))).await().indefinitely();
            await().atMost(Duration.ofSeconds(10)).until(() -> rowsLeft(topic) == 0);
        }

        assertThat(rowsLeft(topic)).isZero();
    }

    private boolean relayListens() {
        return pool.query("select count(*) from pg_stat_activity where datname = current_database() "
                + "and query = 'listen " + OutboxWriter.CHANNEL + "'").execute().await().indefinitely()
                .iterator().next().getLong(0) > 0;
    }

    private long rowsLeft(String topic) {
        return pool.preparedQuery("select count(*) from outbox where topic = $1").execute(Tuple.of(topic))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
