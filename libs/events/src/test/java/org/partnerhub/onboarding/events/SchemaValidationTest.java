package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.events.hub.HubWebhook;

class SchemaValidationTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = EventJson.newMapper();

    static List<Event> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEncodedEventValidatesAgainstItsSchema(Event event) throws Exception {
        JsonNode value = json.readTree(codec.encode(event));

        assertThat(Schemas.of(EventType.of(event.type())).validate(value)).isEmpty();
    }

    /** 360dialog's bodies are left out: their schemas describe them leniently on purpose. */
    static List<Event> ownSamples() {
        return SampleEvents.all().stream().filter(event -> !(event instanceof HubWebhook)).toList();
    }

    @ParameterizedTest
    @MethodSource("ownSamples")
    void everyPublishedFieldIsDescribedInTheSchema(Event event) throws Exception {
        JsonNode value = json.readTree(codec.encode(event));

        assertThat(Schemas.closed(EventType.of(event.type())).validate(value)).isEmpty();
    }

    @Test
    void aPayloadMissingARequiredFieldIsInvalid() throws Exception {
        ObjectNode value = (ObjectNode) json.readTree(codec.encode(SampleEvents.all().get(1)));
        value.remove("channelId");

        assertThat(Schemas.of(EventType.PERMISSION_GRANTED).validate(value)).isNotEmpty();
    }

    @Test
    void aNestedSnapshotIsValidatedThroughItsReference() throws Exception {
        Event running = SampleEvents.all().stream()
                .filter(event -> event.type().equals(EventType.CHANNEL_RUNNING.ceType()))
                .findFirst()
                .orElseThrow();
        ObjectNode value = (ObjectNode) json.readTree(codec.encode(running));
        ((ObjectNode) value.get("snapshot")).put("stage", "exploded");

        assertThat(Schemas.of(EventType.CHANNEL_RUNNING).validate(value)).isNotEmpty();
    }

    @Test
    void aTimeThatIsNotRfc3339IsInvalid() throws Exception {
        ObjectNode value = (ObjectNode) json.readTree(codec.encode(SampleEvents.snapshot(1)));
        value.put("updatedAt", "yesterday");

        assertThat(Schemas.of(EventType.CHANNEL_STATE).validate(value)).isNotEmpty();
    }
}
