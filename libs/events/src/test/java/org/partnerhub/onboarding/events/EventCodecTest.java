package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = EventJson.newMapper();

    static List<Event> samples() {
        return SampleEvents.all();
    }

    @Test
    void samplesCoverEveryTypeWithItsRecordAndTopic() {
        assertThat(samples()).extracting(event -> EventType.of(event.type()))
                .containsExactlyInAnyOrder(EventType.values());
        for (Event event : samples()) {
            EventType type = EventType.of(event.type());
            assertThat(event).isInstanceOf(type.eventClass());
            assertThat(event.topic()).isEqualTo(type.topic());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventRoundTripsThroughItsHeadersAndValue(Event event) {
        CloudEventMetadata metadata = CloudEventMetadata.from(CloudEventHeaders.asKafkaHeaders(event, "/test"));

        assertThat(codec.decode(metadata, codec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPublishedEventRoundTripsByTypeAlone(Event event) {
        if (event instanceof HubWebhook) {
            assertThatThrownBy(() -> codec.decode(event.type(), codec.encode(event)))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(codec.decode(event.type(), codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void hubWebhookValueIsTheBodyAsReceived() {
        byte[] body = "{ \"event\" : \"channel_live\", \"data\" : {\"id\": \"y9MiLoCH\"} }"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(codec.encode(codec.decodeHubWebhook("hub-1", body))).isEqualTo(body);
    }

    @Test
    void writesInstantsAsIso8601AndLeavesOutNulls() throws Exception {
        PermissionGranted granted = new PermissionGranted(
                "hub-1", null, "y9MiLoCH", null, "redirect", SampleEvents.AT, "nonce-1", Verification.CONFIRMED);

        JsonNode value = json.readTree(codec.encode(granted));

        assertThat(value.get("occurredAt").asText()).isEqualTo("2026-11-20T09:14:03Z");
        assertThat(value.has("clientId")).isFalse();
        assertThat(value.has("tenant")).isFalse();
    }

    @Test
    void publishesNoDerivedAttributesInThePayload() throws Exception {
        JsonNode value = json.readTree(codec.encode(SampleEvents.snapshot(1)));

        assertThat(value.has("id")).isFalse();
        assertThat(value.has("type")).isFalse();
        assertThat(value.has("key")).isFalse();
        assertThat(value.has("topic")).isFalse();
        assertThat(value.get("stage").asText()).isEqualTo("running");
        assertThat(value.at("/permission/state").asText()).isEqualTo("granted");
        assertThat(value.at("/apiKey/state").asText()).isEqualTo("failed");
    }

    @Test
    void readsUnknownPropertiesAndStagesLeniently() throws Exception {
        JsonNode value = json.readTree(codec.encode(SampleEvents.snapshot(1)));
        ((ObjectNode) value).put("stage", "suspended").put("addedLater", 1);

        ChannelSnapshot read =
                (ChannelSnapshot) codec.decode(EventType.CHANNEL_STATE.ceType(), json.writeValueAsBytes(value));

        assertThat(read.stage()).isEqualTo(ChannelStage.UNKNOWN);
        assertThat(read.channelId()).isEqualTo(SampleEvents.CHANNEL);
    }

    @Test
    void rejectsAnUnknownTypeWithItsOwnException() {
        assertThatThrownBy(() -> codec.decode("onboarding.channel.exploded.v1", new byte[] {'{', '}'}))
                .isInstanceOfSatisfying(UnknownEventTypeException.class,
                        e -> assertThat(e.ceType()).isEqualTo("onboarding.channel.exploded.v1"))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void rejectsAValueThatLacksARequiredField() {
        byte[] withoutChannel = ("{\"hubId\":\"hub-1\",\"source\":\"redirect\","
                + "\"occurredAt\":\"2026-11-20T09:14:03Z\",\"factKey\":\"n\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(EventType.PERMISSION_GRANTED.ceType(), withoutChannel))
                .isInstanceOf(EventDecodingException.class)
                .isNotInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void rejectsAValueThatIsNotJson() {
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(EventType.CLIENT_CREATED.ceType(), notJson))
                .isInstanceOf(EventDecodingException.class);
    }
}
