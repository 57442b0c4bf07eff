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
        IncomingRecord.Origin origin = origin(record);
        try {
            if (record.value() == null) {
                return origin.poison("record has no value");
            }
            CloudEventMetadata metadata = CloudEventMetadata.from(record.headers());
            Event event = codec.decode(metadata, record.value());
            return new IncomingRecord.Facts(FactTranslator.facts(event, Instant.ofEpochMilli(record.timestamp())),
                    origin);
        } catch (RuntimeException unreadable) {
            // Whatever the cause (headers, JSON, a missing required field), the record cannot be folded as it is.
            return origin.poison(unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
        }
    }

    private static IncomingRecord.Origin origin(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new IncomingRecord.Origin(record.topic(), record.partition(), record.offset(), record.key(), headers,
                record.value() == null ? new byte[0] : record.value());
    }
}
