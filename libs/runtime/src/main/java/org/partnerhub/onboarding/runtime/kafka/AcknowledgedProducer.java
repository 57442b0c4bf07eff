package org.partnerhub.onboarding.runtime.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;

/**
 * The one Kafka producer of a service: every record is written with {@code acks=all} by an idempotent producer, and
 * its future completes only once the broker acknowledged it, or fails once the delivery deadline has passed
 * ({@code onboarding.kafka.delivery-timeout}, which bounds both the wait for metadata or buffer space in
 * {@link #send} and the delivery itself). Its cluster settings come from {@code kafka.*}, as those of the
 * messaging channels do; its client id is the application's name.
 */
@Singleton
public class AcknowledgedProducer {

    private final KafkaProducer<String, byte[]> producer;
    private final Duration deadline;
    private KafkaClientMetrics metrics;

    @Inject
    public AcknowledgedProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "onboarding.kafka.delivery-timeout", defaultValue = "10s") Duration deadline) {
        this.deadline = deadline;
        this.producer = new KafkaProducer<>(settings(kafkaConfig, application, deadline));
    }

    /**
     * Exports the producer's own metrics ({@code kafka_producer_*}, tagged with its client id): record errors,
     * retries and sends per topic, including the dead-letter topics written through this producer, which the
     * chart's alerts watch.
     */
    @Inject
    void bindMetrics(MeterRegistry registry) {
        metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    /** What the producer is built with: the producer settings of {@code kafka.*}, and what is never negotiable. */
    public static Map<String, Object> settings(Map<String, Object> kafkaConfig, String clientId, Duration deadline) {
        Map<String, Object> settings = new HashMap<>();
        // Quarkus exposes every kafka.* property (bootstrap servers, security, SASL, TLS, tuning) under this identifier.
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        // Most senders wait for their own record: a long linger would be added to every answer.
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        long lingerMs = Long.parseLong(settings.get(ProducerConfig.LINGER_MS_CONFIG).toString());
        long deadlineMs = deadline.toMillis();
        // Kafka refuses a delivery timeout shorter than linger plus one request: the request must fit in the deadline.
        long requestMs = Math.min(Long.parseLong(settings.getOrDefault(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                "30000").toString()), Math.max(1, deadlineMs - lingerMs));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deadlineMs);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestMs);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(deadlineMs, lingerMs + requestMs));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return settings;
    }

    /**
     * Sends the record; completes with its position once the broker acknowledged it. Blocks the calling thread while
     * the producer waits for the topic's metadata or buffer space (at most the deadline): never call it on an event
     * loop. Records sent one after the other to one partition are written in that order, retries included
     * (idempotence).
     */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acked.complete(metadata);
                } else {
                    acked.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** How long {@link #send} may block, and how long a record may then wait for its acknowledgement. */
    public Duration deadline() {
        return deadline;
    }

    @PreDestroy
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
        // Bounded: without a timeout close() waits for an unreachable broker for ever.
        producer.close(deadline);
    }
}
