package org.partnerhub.onboarding.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * Writes records with an idempotent, acks=all producer and reports each one's acknowledgement, or its failure once
 * the publish timeout has passed.
 */
@Singleton
@Startup
class WebhookPublisher {

    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;
    private final IngestMetrics metrics;
    // send() blocks while the producer waits for metadata or buffer space; that must never be an event loop.
    private final ExecutorService sending = Executors.newSingleThreadExecutor(r -> new Thread(r, "webhook-publisher"));

    @Inject
    WebhookPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig config,
            IngestMetrics metrics) {
        this.timeout = config.publishTimeout();
        this.metrics = metrics;
        this.producer = new KafkaProducer<>(producerConfig(kafkaConfig, timeout));
    }

    static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig, Duration timeout) {
        Map<String, Object> producer = new HashMap<>();
        // Quarkus exposes every kafka.* property (security, SASL, TLS, tuning) under this identifier.
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                producer.put(key, value);
            }
        });
        // Each request waits for its own record: a long linger would be added to every answer.
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "webhook-ingest");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return producer;
    }

    /** Completes when the broker acknowledged the record; fails if it did not within the publish timeout. */
    CompletableFuture<Void> publish(ProducerRecord<String, byte[]> record) {
        long started = System.nanoTime();
        CompletableFuture<Void> acked = new CompletableFuture<>();
        acked.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        acked.whenComplete((ignored, failure) -> metrics.publishTook(System.nanoTime() - started, failure == null));
        try {
            sending.execute(() -> send(record, acked));
        } catch (RejectedExecutionException shuttingDown) {
            acked.completeExceptionally(shuttingDown);
        }
        return acked;
    }

    private void send(ProducerRecord<String, byte[]> record, CompletableFuture<Void> acked) {
        if (acked.isDone()) {
            // Already answered 503 while queued behind a blocked send: the sender retries, nobody waits for this one.
            return;
        }
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
    }

    @PreDestroy
    void close() {
        sending.shutdown();
        try {
            if (!sending.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Records still queued at shutdown were not sent; their senders were answered 503");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Bounded: without a timeout close() waits for an unreachable broker forever.
        producer.close(timeout);
    }
}
