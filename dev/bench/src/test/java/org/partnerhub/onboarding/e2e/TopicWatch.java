package org.partnerhub.onboarding.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code channel.api-keys} and {@code hub.webhooks} from their ends at the moment it is opened, as a subscribing
 * service would: when each channel's {@code api-key.provisioned} events were written (per event id, so a channel keyed
 * twice shows), and when the last partner webhook of each channel was accepted. Times are the records' timestamps,
 * stamped by the producing service on this machine's clock.
 */
final class TopicWatch implements AutoCloseable {

    static final String KEYS_TOPIC = "channel.api-keys";
    static final String WEBHOOKS_TOPIC = "hub.webhooks";
    private static final String PROVISIONED = "onboarding.api-key.provisioned.v1";

    private final Map<String, Map<String, Instant>> provisioned = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastWebhook = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean open = true;

    TopicWatch(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = Stream.of(KEYS_TOPIC, WEBHOOKS_TOPIC)
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before the round's first record can be written.
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().name("topic-watch").start(() -> {
            try (consumer) {
                while (open) {
                    consumer.poll(Duration.ofMillis(100)).forEach(this::take);
                }
            }
        });
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (record.topic().equals(KEYS_TOPIC) && PROVISIONED.equals(header(record, "ce_type"))) {
            provisioned.computeIfAbsent(record.key(), channel -> new ConcurrentHashMap<>())
                    .merge(header(record, "ce_id"), at, (first, later) -> first.isBefore(later) ? first : later);
        } else if (record.topic().equals(WEBHOOKS_TOPIC) && record.key() != null) {
            lastWebhook.merge(record.key(), at, (one, other) -> one.isAfter(other) ? one : other);
        }
    }

    /** When each of these channels was first keyed; channels not keyed yet are left out. */
    Map<String, Instant> keyed(Collection<String> channels) {
        Map<String, Instant> keyed = new HashMap<>();
        for (String channel : channels) {
            Map<String, Instant> events = provisioned.get(channel);
            if (events != null) {
                events.values().stream().min(Instant::compareTo).ifPresent(first -> keyed.put(channel, first));
            }
        }
        return keyed;
    }

    /** How many distinct {@code api-key.provisioned} events each of these channels has, where it has more than one. */
    Map<String, Integer> keyedMoreThanOnce(Collection<String> channels) {
        Map<String, Integer> twice = new HashMap<>();
        for (String channel : channels) {
            int events = provisioned.getOrDefault(channel, Map.of()).size();
            if (events > 1) {
                twice.put(channel, events);
            }
        }
        return twice;
    }

    /** The last partner webhook accepted for any of these channels. */
    Optional<Instant> lastWebhook(Collection<String> channels) {
        return channels.stream().map(lastWebhook::get).filter(Objects::nonNull).max(Instant::compareTo);
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        poller.join();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
