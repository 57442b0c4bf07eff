package org.partnerhub.onboarding.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.runtime.kafka.AcknowledgedProducer;
import org.partnerhub.onboarding.testkit.FreePorts;
import org.partnerhub.onboarding.testkit.KafkaBroker;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What every service's outbox relay guarantees, run by each service that uses {@code libs/outbox} as a
 * {@code @QuarkusTest} against its own database schema and beans, with its scheduled relay switched off
 * ({@link RelaysRunByTheTest}) so that the test decides when relays run.
 */
public abstract class OutboxRelayContract {

    /** The profile of the services' contract tests. */
    public static class RelaysRunByTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.outbox.relay-enabled", "false");
        }
    }

    private static final int CHANNELS = 12;
    private static final int EVENTS_PER_CHANNEL = 25;

    @Inject
    protected Pool pool;

    @Inject
    protected AcknowledgedProducer producer;

    @Inject
    protected OutboxRelay relay;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "outbox.contract." + run;

    @Test
    void relaysRacingOnOneDatabasePublishEachChannelsEventsInTheOrderTheyWereWritten() {
        // Other replicas' relays: same database, their own producers and small pages, so that they take turns often.
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<AcknowledgedProducer> otherProducers = IntStream.range(0, 2).mapToObj(replica -> new AcknowledgedProducer(
                Map.of("bootstrap.servers", bootstrap), "outbox-contract-" + replica, Duration.ofSeconds(10))).toList();
        List<OutboxDrain> otherReplicas = List.of(new OutboxDrain(pool, otherProducers.get(0), 7),
                new OutboxDrain(pool, otherProducers.get(1), 3));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<CompletableFuture<Void>> relays = new ArrayList<>();
        relays.add(CompletableFuture.runAsync(() -> relayWhile(writing, relay::relayPending), threads));
        otherReplicas.forEach(other -> relays.add(CompletableFuture.runAsync(
                () -> relayWhile(writing, () -> other.drain(page -> { })), threads)));

        // Writers as the services have them: one channel's events are written by one writer after the other.
        List<CompletableFuture<Void>> writers = IntStream.range(0, 3).mapToObj(writer -> CompletableFuture.runAsync(
                () -> IntStream.range(0, EVENTS_PER_CHANNEL).forEach(n -> write(IntStream.range(0, CHANNELS)
                        .filter(channel -> channel % 3 == writer)
                        .mapToObj(channel -> record(channel(channel), n)).toList())), threads)).toList();
        try {
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
        } finally {
            writing.set(false);
            CompletableFuture.allOf(relays.toArray(CompletableFuture[]::new)).join();
            threads.shutdown();
            otherProducers.forEach(AcknowledgedProducer::close);
        }
        relay.relayPending();

        Map<String, List<Integer>> published = firstPublicationsByChannel(bootstrap, CHANNELS * EVENTS_PER_CHANNEL);
        List<Integer> inOrder = IntStream.range(0, EVENTS_PER_CHANNEL).boxed().toList();
        assertThat(published).hasSize(CHANNELS);
        published.forEach((channel, numbers) -> assertThat(numbers).as(channel).isEqualTo(inOrder));
        assertThat(rowsLeft()).as("rows deleted once Kafka acknowledged them").isZero();
    }

    @Test
    void publishedRecordsCarryTheirStoredHeadersAndTheirRowsAreGone() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", "contract-" + run);
        headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        write(List.of(new OutboxRecord(topic, channel(0), headers, "0".getBytes(StandardCharsets.UTF_8))));
        assertThat(rowsLeft()).isEqualTo(1);

        assertThat(relay.relayPending()).isPositive();

        assertThat(rowsLeft()).isZero();
        ConsumerRecord<String, byte[]> sent = readAll(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), 1).getFirst();
        assertThat(sent.key()).isEqualTo(channel(0));
        headers.forEach((name, value) -> assertThat(new String(sent.headers().lastHeader(name).value(),
                StandardCharsets.UTF_8)).as(name).isEqualTo(value));
    }

    @Test
    void aBrokerOutageHoldsTheRowsAndTheyArePublishedInOrderOnceItIsBack() {
        int port = FreePorts.pick();
        AcknowledgedProducer cutOff = new AcknowledgedProducer(Map.of("bootstrap.servers", "127.0.0.1:" + port),
                "outbox-contract", Duration.ofSeconds(1));
        OutboxDrain drain = new OutboxDrain(pool, cutOff, 100);
        try {
            IntStream.range(0, 5).forEach(n -> write(List.of(record(channel(0), n), record(channel(1), n))));

            assertThatThrownBy(() -> drain.drain(page -> { })).isInstanceOf(OutboxRelayException.class);
            assertThat(rowsLeft()).as("nothing acknowledged, nothing deleted").isEqualTo(10);

            try (KafkaBroker back = KafkaBroker.start(port, null)) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> drain.drain(page -> { }) >= 0 && rowsLeft() == 0);
                Map<String, List<Integer>> published = firstPublicationsByChannel(back.bootstrapServers(), 10);
                assertThat(published).containsEntry(channel(0), List.of(0, 1, 2, 3, 4))
                        .containsEntry(channel(1), List.of(0, 1, 2, 3, 4));
            }
        } finally {
            cutOff.close();
        }
    }

    private static void relayWhile(AtomicBoolean writing, Runnable relay) {
        while (writing.get()) {
            relay.run();
        }
    }

    private void write(List<OutboxRecord> records) {
        pool.withTransaction(connection -> OutboxWriter.insert(connection, records)).await().indefinitely();
    }

    private long rowsLeft() {
        return pool.preparedQuery("select count(*) from outbox where topic = $1").execute(Tuple.of(topic))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private String channel(int channel) {
        return "channel-" + run + "-" + channel;
    }

    private OutboxRecord record(String channel, int n) {
        return new OutboxRecord(topic, channel, Map.of("ce_id", channel + "/" + n),
                Integer.toString(n).getBytes(StandardCharsets.UTF_8));
    }

    /** Each channel's event numbers in the order they first reached the topic; consumers drop repeated ids. */
    private Map<String, List<Integer>> firstPublicationsByChannel(String bootstrap, int expected) {
        Map<String, LinkedHashSet<Integer>> seen = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(bootstrap, expected)) {
            seen.computeIfAbsent(record.key(), key -> new LinkedHashSet<>())
                    .add(Integer.parseInt(new String(record.value(), StandardCharsets.UTF_8)));
        }
        Map<String, List<Integer>> firsts = new LinkedHashMap<>();
        seen.forEach((channel, numbers) -> firsts.put(channel, new ArrayList<>(numbers)));
        return firsts;
    }

    /** The contract topic from its start, once it holds at least {@code expected} records. */
    private List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            return records;
        }
    }
}
