package org.partnerhub.onboarding.state.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;

/** Reads a consumed Kafka record as facts, or as poison when it cannot be parsed. */
public final class RecordDecoder {

    private final EventCodec codec = new EventCodec();

    public IncomingRecord decode(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                return poison(record, "record has no value");
            }
            CloudEventMetadata metadata = CloudEventMetadata.from(record.headers());
            Event event = codec.decode(metadata, record.value());
            return new IncomingRecord.Facts(FactTranslator.facts(event, Instant.ofEpochMilli(record.timestamp())));
        } catch (RuntimeException unreadable) {
            // Whatever the cause (headers, JSON, a missing required field), the record cannot be folded as it is.
            return poison(record, unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
        }
    }

    private static IncomingRecord.Poison poison(ConsumerRecord<String, byte[]> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new IncomingRecord.Poison(record.topic(), record.partition(), record.offset(), record.key(), headers,
                record.value() == null ? new byte[0] : record.value(), reason);
    }
}
