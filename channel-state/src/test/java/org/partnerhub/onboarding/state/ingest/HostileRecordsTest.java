package org.partnerhub.onboarding.state.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.state.outbox.Outgoing;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Records anyone can shape: a client name and {@code partner_payload} with NULs (PostgreSQL cannot store them), and
 * a channel id of 8 KB of random text, which no index of the database takes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class HostileRecordsTest {

    private static final String TOPIC = "hub.webhooks";

    @Inject
    BatchApplier applier;

    @Inject
    Pool pool;

    @Test
    void aBatchTheDatabaseRejectsIsSplitTheRejectedRecordIsDeadLetteredWithItsReasonAndTheRestCommit() {
        List<IncomingRecord> batch = List.of(
                decode(statusWebhook("evt-h1", "ch-hostile-1", "cl-hostile", "created"), 9001),
                decode(clientWebhook("evt-h2", "cl-hostile"), 9002),
                decode(statusWebhook("evt-h3", oversizedId(), "cl-hostile", "created"), 9003),
                decode(statusWebhook("evt-h4", "ch-hostile-2", "cl-hostile", "ready"), 9004));

        applier.apply(batch).await().atMost(PATIENCE);

        JsonPath client = authorized().get("/clients/cl-hostile").then().statusCode(200).extract().jsonPath();
        assertThat(client.getString("name")).isEqualTo("Acme\uFFFDBakery");
        assertThat(client.getString("tenant")).isEqualTo("tenant\uFFFD-42");
        authorized().get("/channels/ch-hostile-2").then().statusCode(200);
        List<String> notes = authorized().get("/channels/ch-hostile-1/history").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.kind == 'text-normalised' }.fromValue");
        assertThat(notes).as("the channel's own webhook and its client's").contains("partnerPayload", "tenant,name");
        ConsumerRecord<String, byte[]> dead = deadLetter(9003);
        assertThat(KafkaTopics.header(dead, Outgoing.DEAD_LETTER_REASON))
                .startsWith("rejected by the database: ").contains("SQLSTATE 54000");
        assertThat(KafkaTopics.header(dead, CloudEventHeaders.ID)).isEqualTo("evt-h3");
        assertThat(deadLetterOffsets()).as("only the rejected record").doesNotContain("9001", "9002", "9004");
        forgetTheBatch();
    }

    /** The batch is on no topic: the rebuild test must not expect its channels. */
    private void forgetTheBatch() {
        for (String sql : List.of("delete from channel where channel_id in ('ch-hostile-1', 'ch-hostile-2')",
                "delete from client where client_id = 'cl-hostile'",
                "delete from channel_history where channel_id in ('ch-hostile-1', 'ch-hostile-2')",
                "delete from applied_event where event_id in ('evt-h1', 'evt-h1#normalised', 'evt-h2', "
                        + "'evt-h2#normalised', 'evt-h4', 'evt-h4#normalised')")) {
            pool.query(sql).execute().await().indefinitely();
        }
    }

    @Test
    void theConsumerDeadLettersARejectedRecordAndKeepsGoing() {
        KafkaTopics.publish(List.of(statusWebhook("evt-h5", oversizedId(), "cl-hostile-3", "created"),
                statusWebhook("evt-h6", "ch-hostile-3", "cl-hostile-3", "running")));

        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/ch-hostile-3").then()
                .statusCode(200));
        await().atMost(PATIENCE).until(() -> KafkaTopics.readAll(TOPIC + ".dlq").stream()
                .anyMatch(record -> "evt-h5".equals(KafkaTopics.header(record, CloudEventHeaders.ID))));
    }

    private static HubWebhook statusWebhook(String id, String channelId, String clientId, String status) {
        return HubWebhooks.parse("main", """
                {"id": "%s", "event": "channel_%s",
                 "data": {"id": "%s", "client_id": "%s", "status": "%s",
                          "client": {"id": "%s", "partner_payload": "tenant\\u0000-42"}}}
                """.formatted(id, status, channelId, clientId, status, clientId).getBytes(StandardCharsets.UTF_8));
    }

    private static HubWebhook clientWebhook(String id, String clientId) {
        return HubWebhooks.parse("main", """
                {"id": "%s", "event": "client_created",
                 "data": {"id": "%s", "name": "Acme\\u0000Bakery", "partner_payload": "tenant\\u0000-42"}}
                """.formatted(id, clientId).getBytes(StandardCharsets.UTF_8));
    }

    /** Random, so that PostgreSQL cannot compress it under the 2704 bytes a btree entry may take. */
    private static String oversizedId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(8192);
        for (int i = 0; i < 8192; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static IncomingRecord decode(HubWebhook webhook, long offset) {
        Headers headers = CloudEventHeaders.asKafkaHeaders(webhook, "/test");
        byte[] value = new EventCodec().encode(webhook);
        return new RecordDecoder().decode(new ConsumerRecord<>(TOPIC, 0, offset, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, 0, value.length, webhook.key(), value, headers, Optional.empty()));
    }

    private static ConsumerRecord<String, byte[]> deadLetter(long offset) {
        await().atMost(PATIENCE).until(() -> deadLetterOffsets().contains(Long.toString(offset)));
        return KafkaTopics.readAll(TOPIC + ".dlq").stream()
                .filter(record -> Long.toString(offset).equals(KafkaTopics.header(record, "dead-letter-offset")))
                .findFirst().orElseThrow();
    }

    private static List<String> deadLetterOffsets() {
        return KafkaTopics.readAll(TOPIC + ".dlq").stream()
                .map(record -> KafkaTopics.header(record, "dead-letter-offset")).toList();
    }
}
