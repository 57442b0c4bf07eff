package org.partnerhub.onboarding.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Kafka record written to the outbox in the transaction of the change it reports, to be sent once that committed.
 * Its headers (the CloudEvents set, and any trace context the writer adds) are stored with it and sent as they were.
 */
public record OutboxRecord(String topic, String key, Map<String, String> headers, byte[] value) {

    private static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    public OutboxRecord {
        headers = new LinkedHashMap<>(headers);
    }

    /**
     * The event to its topic, keyed by its channel (or client), with its CloudEvents headers.
     *
     * @param source the writing service as a URI reference, e.g. {@code /channel-state}
     */
    public static OutboxRecord of(Event event, String source) {
        return of(event, source, Optional.empty());
    }

    /**
     * The same, carrying the trace context of the work that led to it: stored with the row, the relay sends it as a
     * header like the others, so the event's consumers continue that trace whenever and from wherever it is sent.
     */
    public static OutboxRecord of(Event event, String source, Optional<TraceParent> trace) {
        Map<String, String> headers = CloudEventHeaders.asMap(event, source);
        trace.ifPresent(parent -> headers.put(TraceParent.HEADER, parent.value()));
        return new OutboxRecord(event.topic().defaultName(), event.key(), headers, CODEC.encode(event));
    }

    /** The headers as the outbox stores them: a JSON object of strings, read back only by the relay. */
    public String headersJson() {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers are strings and always serialise", e);
        }
    }

    static Map<String, String> headersFromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("outbox headers are written as a JSON object of strings", e);
        }
    }

    ProducerRecord<String, byte[]> toProducerRecord() {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, value, kafkaHeaders);
    }
}
