package org.partnerhub.onboarding.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.HubWebhooks;

/** Turns events into Kafka record values and back. */
public final class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec() {
        this(EventJson.newMapper());
    }

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The record value: JSON of the record's components, or for a hub webhook the body as received. */
    public byte[] encode(Event event) {
        if (event instanceof HubWebhook webhook) {
            return webhook.rawBody().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + event.type(), e);
        }
    }

    /**
     * Decodes a value by its {@code ce_type}. Hub webhooks need their hub id: use {@link #decodeHubWebhook} or
     * {@link #decode(CloudEventMetadata, byte[])} for them.
     *
     * @throws UnknownEventTypeException for a type this library does not know
     * @throws EventDecodingException for a value that does not match its type
     */
    public Event decode(String ceType, byte[] value) {
        EventType type = EventType.of(ceType);
        if (type.topic() == Topic.HUB_WEBHOOKS) {
            throw new IllegalArgumentException(ceType + " is a hub webhook; decoding it needs the hub id");
        }
        try {
            return mapper.readValue(value, type.eventClass());
        } catch (IOException e) {
            throw new EventDecodingException("cannot decode " + ceType, e);
        }
    }

    public HubWebhook decodeHubWebhook(String hubId, byte[] value) {
        return HubWebhooks.parse(hubId, value);
    }

    /** Decodes a record from its CloudEvents headers and value; the usual entry point for consumers. */
    public Event decode(CloudEventMetadata metadata, byte[] value) {
        if (EventType.of(metadata.type()).topic() == Topic.HUB_WEBHOOKS) {
            return HubWebhooks.parse(metadata.hubId(), value, metadata.time());
        }
        return decode(metadata.type(), value);
    }
}
