package org.partnerhub.onboarding.state.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.eventTypesFor;
import static org.partnerhub.onboarding.state.ingest.Onboarding.onboarding;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.outbox.OutboxRelay;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** The service "crashes" after its database commits: the relay never runs until the test restarts it. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@TestProfile(OutboxCrashTest.RelayDown.class)
class OutboxCrashTest {

    public static class RelayDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.outbox.relay-enabled", "false");
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Test
    void aCrashBetweenCommitAndRelayLosesNoEventAndARepeatCarriesTheSameIds() {
        KafkaTopics.publish(onboarding("-crash"));
        channelOnceRunning("y9MiLoCH-crash");
        assertThat(eventTypesFor("y9MiLoCH-crash")).as("nothing relayed before the crash").isEmpty();
        // A crash after sending but before deleting: every committed record is in the outbox twice.
        pool.query("insert into outbox (topic, record_key, headers, value) "
                + "select topic, record_key, headers, value from outbox order by seq").execute().await().indefinitely();

        int sent = relay.relayPending();

        assertThat(sent).isPositive().isEven();
        assertThat(eventTypesFor("y9MiLoCH-crash")).contains("onboarding.channel.created.v1",
                "onboarding.channel.status-changed.v1", "onboarding.channel.running.v1",
                "onboarding.channel.permission-granted.v1");
        List<ConsumerRecord<String, byte[]>> events = KafkaTopics.readAll("channel.events").stream()
                .filter(record -> "y9MiLoCH-crash".equals(record.key())).toList();
        Map<String, Long> copiesById = events.stream().collect(Collectors.groupingBy(
                record -> KafkaTopics.header(record, CloudEventHeaders.ID), Collectors.counting()));
        assertThat(copiesById.values()).as("each event twice, with one ce_id").containsOnly(2L);
        assertThat(relay.relayPending()).as("nothing left to relay").isZero();
    }
}
