package org.partnerhub.onboarding.state.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

/** Publishes facts the way the other services do, and reads back what channel-state published. */
public final class KafkaTopics {

    private static final EventCodec CODEC = new EventCodec();

    private KafkaTopics() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static void publish(List<? extends Event> events) {
        publish(events, Optional.empty());
    }

    /** As the other services publish what continues a trace: with its context in a header. */
    public static void publish(List<? extends Event> events, Optional<TraceParent> trace) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            for (Event event : events) {
                Headers headers = CloudEventHeaders.asKafkaHeaders(event, "/test");
                trace.ifPresent(parent -> parent.addTo(headers));
                producer.send(new ProducerRecord<>(event.topic().defaultName(), null, event.key(),
                        CODEC.encode(event), headers)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, new RecordHeaders())).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything on the topic right now. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A fixture webhook, with its channel, client and envelope ids made unique by a suffix. */
    public static HubWebhook webhook(String fixture, String suffix, Instant receivedAt) {
        return webhook("main", fixture, suffix, receivedAt);
    }

    /** The same, as received for another hub. */
    public static HubWebhook webhook(String hubId, String fixture, String suffix, Instant receivedAt) {
        String body = fixture(fixture).replace("y9MiLoCH", "y9MiLoCH" + suffix)
                .replace("oaY9LLfUCL", "oaY9LLfUCL" + suffix)
                .replaceFirst("\"id\": \"evt-([^\"]+)\"", "\"id\": \"evt-$1" + suffix + "\"");
        return HubWebhooks.parse(hubId, body.getBytes(StandardCharsets.UTF_8), receivedAt);
    }

    private static String fixture(String name) {
        try (InputStream in = KafkaTopics.class.getResourceAsStream("/360dialog/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
