package org.partnerhub.onboarding.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

class AcknowledgedProducerSettingsTest {

    @Test
    void waitsForAllReplicasIsIdempotentAndNeverBlocksOrDeliversLongerThanTheDeadline() {
        Map<String, Object> settings = AcknowledgedProducer.settings(Map.of(
                "bootstrap.servers", "kafka:9092",
                "acks", "1",
                "enable.idempotence", "false",
                "max.block.ms", "60000",
                "delivery.timeout.ms", "120000"), "webhook-ingest", Duration.ofSeconds(5));

        assertThat(settings).containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.block.ms", 5000L)
                .containsEntry("delivery.timeout.ms", 5000)
                .containsEntry("client.id", "webhook-ingest")
                .containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void aShortDeadlineShortensEachRequestSoThatKafkaAcceptsTheSettings() {
        Map<String, Object> settings = AcknowledgedProducer.settings(Map.of(
                "bootstrap.servers", "127.0.0.1:9", "linger.ms", "5"), "channel-state", Duration.ofSeconds(1));

        assertThat(settings).containsEntry("request.timeout.ms", 995).containsEntry("delivery.timeout.ms", 1000);
        // Kafka checks delivery.timeout.ms >= linger.ms + request.timeout.ms when the producer is built.
        new KafkaProducer<>(settings).close(Duration.ZERO);
    }

    @Test
    void takesTheClusterSettingsOfKafkaPropertiesAndLeavesOutWhatIsNotAProducerSetting() {
        Map<String, Object> settings = AcknowledgedProducer.settings(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "linger.ms", "3",
                "group.id", "not-for-a-producer"), "onboarding-gateway", Duration.ofSeconds(5));

        assertThat(settings).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "3")
                .doesNotContainKey("group.id");
    }
}
