package org.partnerhub.onboarding.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic as a subscribing service would see it, from its beginning to its end right now. */
final class Topics {

    private final String bootstrap;

    Topics(LocalStack stack) {
        this.bootstrap = stack.kafka;
    }

    /** One record as read: key, {@code ce_id}, {@code ce_type}, the value as text and its trace context, if any. */
    record Entry(String key, String id, String type, String value, String traceparent) {
    }

    /** Distinct event ids ({@code ce_id}) of one event type ({@code ce_type}), per record key. */
    Map<String, Set<String>> eventIds(String topic, String type) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (Entry entry : entries(topic)) {
            if (type.equals(entry.type())) {
                ids.computeIfAbsent(entry.key(), key -> new HashSet<>()).add(entry.id());
            }
        }
        return ids;
    }

    /** Every committed record of the topic, in offset order per partition. */
    List<Entry> entries(String topic) {
        List<Entry> entries = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    entries.add(new Entry(record.key(), header(record, "ce_id"), header(record, "ce_type"),
                            record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                            header(record, "traceparent")));
                }
            }
        }
        return entries;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
