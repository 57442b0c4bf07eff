package org.partnerhub.onboarding.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;
import org.partnerhub.onboarding.testkit.Postgres;
import org.partnerhub.onboarding.testkit.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL goes away while a trigger is handled: the record is retried (readiness down meanwhile) and processed
 * once the database is back, never dead-lettered. The sweep claims a channel whose trigger never arrived.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class PostgresOutageTest extends ChannelEventsTest {

    private static final String TOKEN = "Bearer fake-token-one";
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private final Postgres postgres = TestInfrastructure.postgres();

    @Test
    void aRunningEventDuringAnOutageIsClaimedOnceTheDatabaseIsBack() {
        String channel = "outage-claim-1";
        PartnerApiStub.stubCreated(channel);

        postgres.stop();
        try {
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
            awaitNotReady();
        } finally {
            postgres.restart();
        }

        apiKeyEvents.await(channel, "provisioned");
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(200)
                .body("apiKey", is("fake-secret-" + channel));
        assertThat(deadLettered(channel)).isEmpty();
    }

    @Test
    void aRevocationDuringAnOutageIsAppliedOnceTheDatabaseIsBack() {
        String channel = "outage-revoke-1";
        PartnerApiStub.stubCreated(channel);
        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
        apiKeyEvents.await(channel, "provisioned");

        postgres.stop();
        try {
            events.send(ChannelEventsProducer.revoked(channel, 4));
            awaitNotReady();
        } finally {
            postgres.restart();
        }

        apiKeyEvents.await(channel, "revoked");
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(410);
        assertThat(deadLettered(channel)).isEmpty();
    }

    @Test
    void theSweepClaimsARunningChannelWhoseTriggerNeverArrived() {
        String channel = "swept-1";
        PartnerApiStub.stubCreated(channel);

        // Only channel-state's snapshot: its channel.running was lost before it reached this service.
        events.sendSnapshot(channel, 5);

        apiKeyEvents.await(channel, "provisioned");
        given().get("/q/metrics").then().statusCode(200).body(containsString("keys_sweep_claimed_total"));
    }

    /** Readiness names the stalled part while the record is retried. */
    private static void awaitNotReady() {
        await().atMost(OUTAGE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Key provisioning progress' }.status", is("DOWN")));
    }

    /** Everything on the dead-letter topic for the channel, read to its current end. */
    private static List<ConsumerRecord<String, byte[]>> deadLettered(String channel) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = dlq.partitionsFor("channel.events.dlq").stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            dlq.assign(partitions);
            dlq.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = dlq.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> dlq.position(partition) < end.get(partition))) {
                dlq.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (channel.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }
}
