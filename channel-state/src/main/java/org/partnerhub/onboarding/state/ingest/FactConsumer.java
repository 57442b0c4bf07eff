package org.partnerhub.onboarding.state.ingest;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

/**
 * Consumes the three fact topics through one consumer, in batches. Replicas may share the topics' partitions in any
 * way: each batch's transaction locks its channels and clients first ({@code ProjectionStore.load}). The batch's
 * offsets are committed only after its transaction.
 */
@ApplicationScoped
public class FactConsumer {

    private final RecordDecoder decoder = new RecordDecoder();

    @Inject
    BatchApplier applier;

    @Incoming("facts")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        List<IncomingRecord> incoming = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            incoming.add(decoder.decode(record));
        }
        return applier.apply(incoming);
    }
}
