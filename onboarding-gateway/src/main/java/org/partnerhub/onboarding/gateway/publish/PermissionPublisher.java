package org.partnerhub.onboarding.gateway.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.Topic;
import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.runtime.kafka.AcknowledgedProducer;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

/**
 * Writes the facts of one redirect to {@code onboarding.permissions} and returns only once the broker acknowledged
 * every record, within the publish timeout, through the service's acknowledged producer (acks=all, idempotent). A
 * plain producer rather than a Reactive Messaging channel: the caller needs the acknowledgements of exactly its own
 * records, synchronously, and a failed send must not mark the whole service unhealthy.
 */
@ApplicationScoped
public class PermissionPublisher {

    /** The CloudEvents {@code source} of everything this service publishes. */
    public static final String SOURCE = "/onboarding-gateway";

    private final EventCodec codec = new EventCodec();

    @Inject
    GatewayConfig config;

    @Inject
    AcknowledgedProducer producer;

    /** @param trace the redirect's span, which the records' consumers continue */
    public void publish(List<PermissionEvent> events, TraceParent trace) throws PublishFailedException {
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (PermissionEvent event : events) {
                // Without a broker each send waits for metadata up to the whole timeout; one such wait is enough.
                if (deadline - System.nanoTime() <= 0) {
                    throw new TimeoutException();
                }
                acks.add(producer.send(record(event, trace)));
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
        }
    }

    private ProducerRecord<String, byte[]> record(PermissionEvent event, TraceParent trace) {
        return new ProducerRecord<>(Topic.ONBOARDING_PERMISSIONS.defaultName(), null, event.key(),
                codec.encode(event), trace.addTo(CloudEventHeaders.asKafkaHeaders(event, SOURCE)));
    }
}
