package org.partnerhub.onboarding.keys.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes committed outbox rows in order, each only after the broker acknowledged the one before. A crash between
 * the acknowledgement and the stamp publishes a row again with the same {@code ce_id}, which consumers de-duplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String SOURCE = "/key-provisioner";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final EventCodec codec = new EventCodec();

    @Inject
    @Channel("api-keys")
    MutinyEmitter<byte[]> emitter;

    // Delayed: the first run must not race the messaging connectors being wired at start-up.
    @Scheduled(every = "${onboarding.keys.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select * from outbox_event where published_at is null order by id limit :batch "
                        + "for update skip locked", OutboxEvent.class)
                .setParameter("batch", BATCH)
                .getResultList())
                .chain(this::publish))
                .onFailure().invoke(failure -> LOG.warnf("Relaying events failed, retrying on the next run: %s",
                        failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> publish(List<OutboxEvent> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> emitter.sendMessage(message(row))
                        .invoke(() -> row.publishedAt = Instant.now()))
                .collect().last().replaceWithVoid();
    }

    private Message<byte[]> message(OutboxEvent row) {
        Event event = codec.decode(row.type, row.payload);
        return Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.recordKey)
                .withHeaders(CloudEventHeaders.asKafkaHeaders(event, SOURCE))
                .build());
    }
}
