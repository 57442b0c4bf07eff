package org.partnerhub.onboarding.gateway.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.Topic;
import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.gateway.GatewayConfig;

import io.smallrye.common.annotation.Identifier;

/**
 * Writes the facts of one redirect to {@code onboarding.permissions} and returns only once the broker acknowledged
 * every record (acks=all, idempotent producer), within the publish timeout. A plain producer rather than a
 * Reactive Messaging channel: the caller needs the acknowledgements of exactly its own records, synchronously, and
 * a failed send must not mark the whole service unhealthy.
 */
@ApplicationScoped
public class PermissionPublisher {

    /** The CloudEvents {@code source} of everything this service publishes. */
    public static final String SOURCE = "/onboarding-gateway";

    private final EventCodec codec = new EventCodec();

    @Inject
    GatewayConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private Producer<String, byte[]> producer;

    @PostConstruct
    void open() {
        Map<String, Object> settings = new HashMap<>();
        // Quarkus exposes every kafka.* property (bootstrap servers, security, SASL, TLS) under this identifier.
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A send blocks while it waits for metadata; it must never outlast the answer it is part of.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.publishTimeout().toMillis());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "onboarding-gateway-permissions");
        producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    public void publish(List<PermissionEvent> events) throws PublishFailedException {
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (PermissionEvent event : events) {
                // Without a broker each send waits for metadata up to the whole timeout; one such wait is enough.
                if (deadline - System.nanoTime() <= 0) {
                    throw new TimeoutException();
                }
                acks.add(producer.send(record(event)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge within " + config.publishTimeout(), e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka refused a record: " + e.getCause().getMessage(), e.getCause());
        } catch (KafkaException e) {
            throw new PublishFailedException("Kafka is unavailable: " + e.getMessage(), e);
        }
    }

    private ProducerRecord<String, byte[]> record(PermissionEvent event) {
        return new ProducerRecord<>(Topic.ONBOARDING_PERMISSIONS.defaultName(), null, event.key(),
                codec.encode(event), CloudEventHeaders.asKafkaHeaders(event, SOURCE));
    }
}
