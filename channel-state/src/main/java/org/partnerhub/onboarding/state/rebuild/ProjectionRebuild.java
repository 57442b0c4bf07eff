package org.partnerhub.onboarding.state.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.importer.ImportedClients;
import org.partnerhub.onboarding.state.ingest.BatchApplier;
import org.partnerhub.onboarding.state.ingest.IncomingRecord;
import org.partnerhub.onboarding.state.ingest.RecordDecoder;
import org.partnerhub.onboarding.state.store.ProjectionStore;

import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Empties the projection and refolds it from the fact topics, from their beginning up to where they ended when the
 * rebuild started, and from the facts on no topic: the clients a first-install import read, then the reconciler's
 * stored observations (the import's channel reads among them). Nothing is published: every transition was published
 * when it first happened, and the outbox is left alone. Run it while the service's consumer is stopped (see the README), since both write the same rows.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final int BATCH = 5000;

    /** What a rebuild did. */
    public record Result(long records, Duration took) {
    }

    @Inject
    Pool pool;

    @Inject
    BatchApplier applier;

    @Inject
    ProjectionStore store;

    @Inject
    ImportedClients importedClients;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.incoming.facts.topics")
    List<String> topics;

    /** Blocks until done; call it from a worker thread. */
    public Result rebuild() {
        long started = System.nanoTime();
        pool.query("truncate channel, client, channel_history, applied_event, permission_fact").execute().await().indefinitely();
        RecordDecoder decoder = new RecordDecoder();
        long records = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<IncomingRecord> batch = new ArrayList<>(BATCH);
            CompletableFuture<Void> folding = CompletableFuture.completedFuture(null);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    batch.add(decoder.decode(record));
                    records++;
                    if (batch.size() == BATCH) {
                        folding = foldAfter(folding, batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
            foldAfter(folding, batch).join();
        }
        records += refold(importedClients.all());
        records += refold(store.observations(pool).await().indefinitely());
        Result result = new Result(records, Duration.ofNanos(System.nanoTime() - started));
        LOG.infof("Rebuilt the projection from %d records in %s", result.records(), result.took());
        return result;
    }

    /**
     * Folds the batch once the one before it is folded, and returns at once: while the database writes a batch, this
     * thread reads and decodes the next from Kafka. Batches still fold one at a time and in the order read, as the
     * consumer would fold them.
     */
    private CompletableFuture<Void> foldAfter(CompletableFuture<Void> previous, List<IncomingRecord> batch) {
        previous.join();
        return applier.apply(batch, false).subscribeAsCompletionStage();
    }

    /** Folds facts that are on no topic, a batch at a time; returns how many. */
    private int refold(List<Fact> facts) {
        for (int from = 0; from < facts.size(); from += BATCH) {
            List<Fact> page = facts.subList(from, Math.min(facts.size(), from + BATCH));
            applier.apply(List.of(new IncomingRecord.Facts(page)), false).await().indefinitely();
        }
        return facts.size();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "channel-state-rebuild");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
