package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebhookPublisherConfigTest {

    @Test
    void theProducerWaitsForAllReplicasIsIdempotentAndNeverBlocksLongerThanThePublishTimeout() {
        Map<String, Object> config = WebhookPublisher.producerConfig(Map.of(
                "bootstrap.servers", "kafka:9092",
                "acks", "1",
                "enable.idempotence", "false",
                "max.block.ms", "60000"), Duration.ofSeconds(5));

        assertThat(config).containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.block.ms", 5000L)
                .containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void takesTheClusterSettingsOfKafkaPropertiesAndLeavesOutWhatIsNotAProducerSetting() {
        Map<String, Object> config = WebhookPublisher.producerConfig(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "linger.ms", "3",
                "group.id", "not-for-a-producer"), Duration.ofSeconds(5));

        assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "3")
                .doesNotContainKey("group.id");
    }
}
