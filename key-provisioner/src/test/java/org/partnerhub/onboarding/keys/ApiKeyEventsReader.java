package org.partnerhub.onboarding.keys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.partnerhub.onboarding.events.CloudEventHeaders;

/** Everything on {@code channel.api-keys}, read from the start. */
final class ApiKeyEventsReader implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    ApiKeyEventsReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "group.id",
                "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of("channel.api-keys"));
    }

    /** Waits for the first record of the channel with the given type suffix. */
    ConsumerRecord<String, byte[]> await(String channelId, String typeSuffix) {
        return Awaitility.await().atMost(PATIENCE).until(() -> of(channelId, typeSuffix), found -> !found.isEmpty())
                .getFirst();
    }

    /** Polls once and returns every record of the channel with the given type suffix seen so far. */
    synchronized List<ConsumerRecord<String, byte[]>> of(String channelId, String typeSuffix) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> channelId.equals(r.key()))
                .filter(r -> header(r, CloudEventHeaders.TYPE).orElse("").contains(typeSuffix)).toList();
    }

    static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
