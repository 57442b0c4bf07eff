package org.partnerhub.onboarding.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@code hub.webhooks} in a test: its end offsets, and the records written after a mark. A 200 means the
 * broker acknowledged the record, so no waiting is needed before reading it back.
 */
final class HubWebhooksTopic implements AutoCloseable {

    private static final String TOPIC = "hub.webhooks";

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    HubWebhooksTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        consumer.assign(partitions);
    }

    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    long recordCount() {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    List<ConsumerRecord<String, byte[]>> recordsSince(Map<TopicPartition, Long> mark) {
        Map<TopicPartition, Long> end = endOffsets();
        mark.forEach(consumer::seek);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long expected = end.entrySet().stream().mapToLong(e -> e.getValue() - mark.get(e.getKey())).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
