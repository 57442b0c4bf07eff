package org.partnerhub.onboarding.state.outbox;

import java.util.Map;

import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.Topic;
import org.partnerhub.onboarding.state.ingest.IncomingRecord;

/** A Kafka record written to the outbox in the projection's transaction, to be sent once it is committed. */
public record OutboxRecord(String topic, String key, Map<String, String> headers, byte[] value) {

    public static final String SOURCE = "/channel-state";
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    private static final EventCodec CODEC = new EventCodec();

    public static OutboxRecord of(Event event) {
        return new OutboxRecord(event.topic().defaultName(), event.key(), CloudEventHeaders.asMap(event, SOURCE),
                CODEC.encode(event));
    }

    /** The poison record as it came, to its topic's dead-letter topic, with where it came from and why. */
    public static OutboxRecord deadLetter(IncomingRecord.Poison poison) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(poison.headers());
        headers.put(DEAD_LETTER_REASON, poison.reason());
        headers.put("dead-letter-topic", poison.topic());
        headers.put("dead-letter-partition", Integer.toString(poison.partition()));
        headers.put("dead-letter-offset", Long.toString(poison.offset()));
        return new OutboxRecord(Topic.deadLetterTopic(poison.topic()), poison.key(), headers, poison.value());
    }
}
