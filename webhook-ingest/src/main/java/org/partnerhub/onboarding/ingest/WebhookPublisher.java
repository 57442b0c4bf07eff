package org.partnerhub.onboarding.ingest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.runtime.kafka.AcknowledgedProducer;

import io.quarkus.runtime.Startup;

/**
 * Hands records to the service's acknowledged producer (acks=all, idempotent) off the event loop and reports each
 * one's acknowledgement, or its failure once the publish timeout has passed.
 */
@Singleton
@Startup
class WebhookPublisher {

    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);

    private final AcknowledgedProducer producer;
    private final Duration timeout;
    private final IngestMetrics metrics;
    // send() blocks while the producer waits for metadata or buffer space; that must never be an event loop.
    private final ExecutorService sending = Executors.newSingleThreadExecutor(r -> new Thread(r, "webhook-publisher"));

    @Inject
    WebhookPublisher(AcknowledgedProducer producer, IngestConfig config, IngestMetrics metrics) {
        this.producer = producer;
        this.timeout = config.publishTimeout();
        this.metrics = metrics;
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
        producer.send(record).whenComplete((metadata, failure) -> {
            if (failure == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(failure);
            }
        });
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
    }
}
