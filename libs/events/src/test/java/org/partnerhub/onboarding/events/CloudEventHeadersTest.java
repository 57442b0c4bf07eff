package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;

class CloudEventHeadersTest {

    private final PermissionGranted granted = new PermissionGranted(
            "hub-direct", "oaY9LLfUCL", "y9MiLoCH", "tenant-42", "redirect", SampleEvents.AT, "nonce-1", Verification.CONFIRMED);

    @Test
    void binaryModeHeadersOfAnEvent() {
        assertThat(CloudEventHeaders.asMap(granted, "/onboarding-gateway")).containsExactly(
                entry("ce_specversion", "1.0"),
                entry("ce_id", granted.id()),
                entry("ce_type", "onboarding.permission.granted.v1"),
                entry("ce_source", "/onboarding-gateway"),
                entry("ce_time", "2026-11-20T09:14:03Z"),
                entry("ce_subject", "y9MiLoCH"),
                entry("content-type", "application/json"),
                entry("onboarding_hub_id", "hub-direct"));
    }

    @Test
    void kafkaHeadersCarryTheSameValues() {
        Map<String, String> fromKafka = new LinkedHashMap<>();
        for (Header header : CloudEventHeaders.asKafkaHeaders(granted, "/onboarding-gateway")) {
            fromKafka.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }

        assertThat(fromKafka).containsExactlyEntriesOf(CloudEventHeaders.asMap(granted, "/onboarding-gateway"));
    }

    @Test
    void readsTheHeadersBack() {
        CloudEventMetadata metadata =
                CloudEventMetadata.from(CloudEventHeaders.asKafkaHeaders(granted, "/onboarding-gateway"));

        assertThat(metadata).isEqualTo(new CloudEventMetadata(granted.id(), granted.type(), "/onboarding-gateway",
                SampleEvents.AT, "y9MiLoCH", "application/json", "hub-direct"));
    }

    @Test
    void leavesOutTimeAndSubjectAWebhookDoesNotHave() {
        Event webhook = HubWebhooksTest.parse("{\"id\":\"evt-5\",\"event\":\"account_violation\",\"data\":{}}");

        Map<String, String> headers = CloudEventHeaders.asMap(webhook, "/webhook-ingest");
        CloudEventMetadata metadata =
                CloudEventMetadata.from(CloudEventHeaders.asKafkaHeaders(webhook, "/webhook-ingest"));

        assertThat(headers).doesNotContainKeys(CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT);
        assertThat(metadata.time()).isNull();
        assertThat(metadata.subject()).isNull();
    }

    @Test
    void aMissingRequiredHeaderIsUndecodable() {
        Headers headers = CloudEventHeaders.asKafkaHeaders(granted, "/onboarding-gateway");
        headers.remove(CloudEventHeaders.HUB_ID);

        assertThatThrownBy(() -> CloudEventMetadata.from(headers))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(CloudEventHeaders.HUB_ID);
    }

    @Test
    void anotherSpecVersionIsUndecodable() {
        Headers headers = CloudEventHeaders.asKafkaHeaders(granted, "/onboarding-gateway");
        headers.remove(CloudEventHeaders.SPEC_VERSION);
        headers.add(CloudEventHeaders.SPEC_VERSION, "0.3".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventMetadata.from(headers)).isInstanceOf(EventDecodingException.class);
    }

    @Test
    void aTimeThatIsNotRfc3339IsUndecodable() {
        Headers headers = CloudEventHeaders.asKafkaHeaders(granted, "/onboarding-gateway");
        headers.remove(CloudEventHeaders.TIME);
        headers.add(CloudEventHeaders.TIME, "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventMetadata.from(headers)).isInstanceOf(EventDecodingException.class);
    }
}
