package org.partnerhub.onboarding.state.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends committed outbox records to Kafka in the order they were written, and deletes them only once Kafka has
 * acknowledged them. A crash in between sends them again on the next run, with the same {@code ce_id}: consumers
 * de-duplicate, and nothing is ever lost or invented.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;
    /** The advisory lock key of the relay: any number no other code in this database uses. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    Pool pool;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** Off only where a test stands in for a crash between the database commit and the relay. */
    @ConfigProperty(name = "onboarding.outbox.relay-enabled", defaultValue = "true")
    boolean enabled;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("outbox-relay").daemon().unstarted(runnable));
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private KafkaProducer<String, byte[]> producer;

    /** Asks for a run soon; several requests while one is pending make one run. */
    public void wake() {
        if (enabled && wakeRequested.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeRequested.set(false);
                try {
                    relayPending();
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox relay stopped at a failure, will retry: %s", e.getMessage());
                }
            });
        }
    }

    /** Catches up after a restart or a Kafka outage, when no new batch wakes the relay. */
    @Scheduled(every = "${onboarding.outbox.poll-interval:5s}")
    void poll() {
        wake();
    }

    /**
     * Sends everything committed so far; returns how many records it sent. Replicas of the service take turns through
     * a PostgreSQL advisory lock, so that two relays never send the same rows at once, out of order.
     */
    public synchronized int relayPending() {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            boolean mine = connection.query("select pg_try_advisory_lock(" + RELAY_LOCK + ")").execute()
                    .await().indefinitely().iterator().next().getBoolean(0);
            if (!mine) {
                return 0;
            }
            try {
                return relayWithLock(connection);
            } finally {
                connection.query("select pg_advisory_unlock(" + RELAY_LOCK + ")").execute().await().indefinitely();
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }

    private int relayWithLock(SqlConnection connection) {
        int sent = 0;
        while (true) {
            RowSet<Row> rows = connection.query("select seq, topic, record_key, headers, value from outbox "
                    + "order by seq limit " + PAGE).execute().await().indefinitely();
            if (rows.size() == 0) {
                return sent;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<Long> seqs = new ArrayList<>(rows.size());
            for (Row row : rows) {
                seqs.add(row.getLong("seq"));
                acks.add(producer().send(toRecord(row)));
            }
            awaitAll(acks);
            connection.preparedQuery("delete from outbox where seq = any($1)")
                    .execute(Tuple.of(seqs.toArray(Long[]::new))).await().indefinitely();
            sent += rows.size();
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers(row.getString("headers")).forEach(
                (name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("record_key"),
                row.getBuffer("value").getBytes(), headers);
    }

    private static Map<String, String> headers(String json) {
        try {
            return JSON.readValue(json, new TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox headers are written as a JSON object of strings", e);
        }
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take an outbox record: " + e.getCause().getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "channel-state-outbox");
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        executor.shutdownNow();
        if (producer != null) {
            producer.close();
        }
    }
}
