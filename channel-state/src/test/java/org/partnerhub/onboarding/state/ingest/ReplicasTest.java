package org.partnerhub.onboarding.state.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.store.ChannelRows;
import org.partnerhub.onboarding.state.store.Rows;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Two replicas' fold pipelines (two consumers of one group, cooperative-sticky assignor, each driving the service's
 * {@link BatchApplier} over the one database) consume facts about the same channels, some keyed by client and some by
 * channel, so that one channel's facts sit in different partitions and are folded by both replicas at once; partitions
 * are added while they run.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ReplicasTest {

    private static final String PERMISSIONS = "replicas.permissions";
    private static final String WEBHOOKS = "replicas.webhooks";
    private static final String API_KEYS = "replicas.api-keys";
    private static final List<String> TOPICS = List.of(PERMISSIONS, WEBHOOKS, API_KEYS);
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final int CLIENTS = 20;
    private static final int CHANNELS_PER_CLIENT = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private static final EventCodec CODEC = new EventCodec();

    /** An event and the key it is published under: its client's id or its channel's. */
    private record Keyed(String topic, String key, Event event) {
    }

    @Inject
    BatchApplier applier;

    @Inject
    Pool pool;

    @Test
    void twoReplicasFoldTheSameChannelsAsOneRebuildDoesWithoutGapsOrConflictingEvents() throws Exception {
        List<List<Keyed>> waves = waves(new Random(14));
        Set<String> eventIds = waves.stream().flatMap(List::stream).map(keyed -> keyed.event().id())
                .collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaTopics.bootstrap()))) {
            admin.createTopics(TOPICS.stream().map(topic -> new NewTopic(topic, 2, (short) 1)).toList()).all().get();
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Set<String> assigned = ConcurrentHashMap.newKeySet();
            List<Thread> replicas = List.of(replica("replica-1", running, assigned, failures),
                    replica("replica-2", running, assigned, failures));
            replicas.forEach(Thread::start);
            try {
                // Both replicas hold partitions before the facts arrive, so that both fold new channels at once.
                await().atMost(PATIENCE).until(() -> assigned.size() == 2);
                for (int wave = 0; wave < waves.size(); wave++) {
                    publish(waves.get(wave));
                    int partitions = 2 * (wave + 2);
                    admin.createPartitions(TOPICS.stream().collect(Collectors.toMap(topic -> topic,
                            topic -> NewPartitions.increaseTo(partitions)))).all().get();
                    await().atMost(PATIENCE).until(() -> admin.describeTopics(TOPICS).allTopicNames().get().values()
                            .stream().allMatch(topic -> topic.partitions().size() == partitions
                                    && topic.partitions().stream().allMatch(partition -> partition.leader() != null)));
                }
                await().atMost(PATIENCE).until(() -> !failures.isEmpty() || applied(eventIds) == eventIds.size());
            } finally {
                running.set(false);
                for (Thread replica : replicas) {
                    replica.join();
                }
            }
            assertThat(failures).isEmpty();
        }
        await().atMost(PATIENCE).until(() -> pool.query("select count(*) from outbox").execute().await()
                .indefinitely().iterator().next().getLong(0) == 0);

        Map<String, ChannelState> live = channels();
        Map<String, List<Object>> liveClients = clients();
        assertThat(live).hasSize(CLIENTS * CHANNELS_PER_CLIENT);
        assertEveryVersionOnceAndEveryEventIdWithOneContent(live);

        rebuildFromTheTopics(eventIds);

        assertThat(withoutArrivalOrder(channels())).isEqualTo(withoutArrivalOrder(live));
        assertThat(clients()).isEqualTo(liveClients);
        // These channels are on no topic the service reads: the other tests' rebuild must not meet them.
        forget(eventIds);
    }

    private void forget(Set<String> eventIds) {
        pool.query("delete from channel where channel_id like 'rep-%'").execute().await().indefinitely();
        pool.query("delete from client where client_id like 'rep-%'").execute().await().indefinitely();
        pool.query("delete from permission_fact where channel_id like 'rep-%'").execute().await().indefinitely();
        pool.query("delete from channel_history where channel_id like 'rep-%'").execute().await().indefinitely();
        pool.preparedQuery("delete from applied_event where event_id = any($1)")
                .execute(Tuple.of(eventIds.toArray(String[]::new))).await().indefinitely();
    }

    private static List<List<Keyed>> waves(Random random) {
        List<Keyed> all = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String client = "rep-client-" + c;
            String tenant = "tenant-" + c;
            all.add(new Keyed(PERMISSIONS, client, new ClientLinked("main", client, tenant, T0, "link-" + c)));
            all.add(new Keyed(WEBHOOKS, client, webhook("evt-rep-client-" + c, "client_created", """
                    {"id": "%s", "name": "Client %d", "partner_payload": "%s"}""".formatted(client, c, tenant), 1)));
            for (int n = 0; n < CHANNELS_PER_CLIENT; n++) {
                String channel = "rep-channel-" + c + "-" + n;
                List<String> statuses = List.of("created", "submitted", "ready", "running");
                for (int s = 0; s < statuses.size(); s++) {
                    String status = statuses.get(s);
                    // Half the statuses keyed by client, half by channel: both replicas fold this channel.
                    all.add(new Keyed(WEBHOOKS, s % 2 == 0 ? client : channel, webhook(
                            "evt-rep-" + channel + "-" + status, "channel_" + status, """
                            {"id": "%s", "client_id": "%s", "status": "%s",
                             "client": {"id": "%s", "partner_payload": "%s"}}"""
                                    .formatted(channel, client, status, client, tenant), 2 + s)));
                }
                Verification verification = n % 2 == 0 ? Verification.CONFIRMED : Verification.PENDING;
                all.add(new Keyed(PERMISSIONS, channel, new PermissionGranted("main", client, channel, tenant,
                        "redirect", T0.plusSeconds(3), "grant-" + channel, verification)));
                all.add(new Keyed(API_KEYS, channel, new ApiKeyProvisioned("main", channel, client, "key-" + channel,
                        "https://waba.example", "app-" + channel, "claim-" + channel, T0.plusSeconds(10))));
            }
        }
        Collections.shuffle(all, random);
        int third = all.size() / 3;
        return List.of(all.subList(0, third), all.subList(third, 2 * third), all.subList(2 * third, all.size()));
    }

    private static Event webhook(String id, String event, String data, int second) {
        return HubWebhooks.parse("main", """
                {"id": "%s", "event": "%s", "data": %s}""".formatted(id, event, data).getBytes(StandardCharsets.UTF_8),
                T0.plusSeconds(second));
    }

    private static void publish(List<Keyed> records) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", KafkaTopics.bootstrap()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (Keyed keyed : records) {
                producer.send(new ProducerRecord<>(keyed.topic(), null, keyed.key(), CODEC.encode(keyed.event()),
                        CloudEventHeaders.asKafkaHeaders(keyed.event(), "/test"))).get();
            }
        }
    }

    /** One replica's fold pipeline: poll, fold the batch in one transaction, then commit its offsets. */
    private Thread replica(String name, AtomicBoolean running, Set<String> assigned,
            ConcurrentLinkedQueue<Throwable> failures) {
        return new Thread(() -> {
            RecordDecoder decoder = new RecordDecoder();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "replicas-test",
                    ConsumerConfig.CLIENT_ID_CONFIG, name,
                    ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 40,
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(TOPICS);
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.add(name);
                    }
                    if (records.isEmpty()) {
                        continue;
                    }
                    List<IncomingRecord> batch = new ArrayList<>(records.count());
                    records.forEach(record -> batch.add(decoder.decode(record)));
                    applier.apply(batch).await().atMost(PATIENCE);
                    try {
                        consumer.commitSync();
                    } catch (RebalanceInProgressException | CommitFailedException moved) {
                        // The partitions may go to the other replica, which then folds these records again:
                        // their ids make that a no-op, as after any crash between commit and offset commit.
                    }
                }
            } catch (RuntimeException failed) {
                failures.add(failed);
            }
        }, name);
    }

    private int applied(Set<String> eventIds) {
        return pool.preparedQuery("select count(*) from applied_event where event_id = any($1)")
                .execute(Tuple.of(eventIds.toArray(String[]::new))).await().indefinitely().iterator().next()
                .getInteger(0);
    }

    /**
     * Each channel's history holds versions 1..n and one creation; what was published carries versions of that
     * history, the latest snapshot is version n, and every ce_id was published with one content only.
     */
    private void assertEveryVersionOnceAndEveryEventIdWithOneContent(Map<String, ChannelState> live) {
        Map<String, Set<Long>> historyVersions = new HashMap<>();
        Map<String, Integer> creations = new HashMap<>();
        pool.query("select channel_id, version, kind from channel_history where channel_id like 'rep-%' "
                + "and kind not in ('stale-status', 'permission-pending', 'client-conflict', 'tenant-conflict', "
                + "'text-normalised')").execute().await().indefinitely().forEach(row -> {
                    historyVersions.computeIfAbsent(row.getString(0), id -> new TreeSet<>()).add(row.getLong(1));
                    if ("channel.created".equals(row.getString(2))) {
                        creations.merge(row.getString(0), 1, Integer::sum);
                    }
                });
        Map<String, Set<String>> contentById = new HashMap<>();
        Map<String, Set<Long>> publishedVersions = new HashMap<>();
        Map<String, Long> latestSnapshot = new HashMap<>();
        for (String topic : List.of("channel.events", "channel.state")) {
            for (ConsumerRecord<String, byte[]> record : KafkaTopics.readAll(topic)) {
                if (record.key() == null || !record.key().startsWith("rep-")) {
                    continue;
                }
                contentById.computeIfAbsent(KafkaTopics.header(record, CloudEventHeaders.ID), id -> new HashSet<>())
                        .add(new String(record.value(), StandardCharsets.UTF_8));
                switch (CODEC.decode(CloudEventMetadata.from(record.headers()), record.value())) {
                    case ChannelTransition transition -> publishedVersions
                            .computeIfAbsent(transition.channelId(), id -> new TreeSet<>()).add(transition.version());
                    case ChannelSnapshot snapshot -> latestSnapshot.merge(snapshot.channelId(), snapshot.version(),
                            Math::max);
                    default -> {
                        // A client's lifecycle events: versionless, checked by their ce_id alone.
                    }
                }
            }
        }
        live.forEach((channelId, channel) -> {
            Set<Long> versions = LongStream.rangeClosed(1, channel.times().version()).boxed()
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(historyVersions.get(channelId)).as("versions in the history of %s", channelId)
                    .isEqualTo(versions);
            assertThat(creations.get(channelId)).as("creations of %s", channelId).isEqualTo(1);
            assertThat(versions).as("versions published for %s", channelId)
                    .containsAll(publishedVersions.get(channelId));
            assertThat(latestSnapshot.get(channelId)).as("latest snapshot of %s", channelId)
                    .isEqualTo(channel.times().version());
        });
        assertThat(contentById).isNotEmpty().allSatisfy((id, contents) -> assertThat(contents)
                .as("content published under ce_id %s", id).hasSize(1));
    }

    /** What {@code ProjectionRebuild} does, for this test's channels only: forget them, refold the topics in order. */
    private void rebuildFromTheTopics(Set<String> eventIds) {
        forget(eventIds);
        RecordDecoder decoder = new RecordDecoder();
        List<IncomingRecord> all = new ArrayList<>();
        TOPICS.forEach(topic -> KafkaTopics.readAll(topic).forEach(record -> all.add(decoder.decode(record))));
        applier.apply(all, false).await().atMost(PATIENCE);
    }

    private Map<String, ChannelState> channels() {
        Map<String, ChannelState> channels = new TreeMap<>();
        pool.query("select * from channel where channel_id like 'rep-%'").execute().await().indefinitely()
                .forEach(row -> channels.put(row.getString("channel_id"), ChannelRows.channel(row)));
        return channels;
    }

    /** The channels as a reader sees them, without what depends on arrival order (versions, update times). */
    private static Map<String, ChannelState> withoutArrivalOrder(Map<String, ChannelState> channels) {
        Map<String, ChannelState> visible = new TreeMap<>();
        channels.forEach((id, channel) -> visible.put(id, channel.withoutArrivalOrder()));
        return visible;
    }

    private Map<String, List<Object>> clients() {
        Map<String, List<Object>> clients = new TreeMap<>();
        pool.query("select * from client where client_id like 'rep-%'").execute().await().indefinitely()
                .forEach(row -> {
                    var client = Rows.client(row);
                    clients.put(client.clientId(), List.of(String.valueOf(client.tenant()),
                            String.valueOf(client.tenantSource()), String.valueOf(client.name())));
                });
        return clients;
    }
}
