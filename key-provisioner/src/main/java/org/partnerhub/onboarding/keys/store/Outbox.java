package org.partnerhub.onboarding.keys.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.outbox.OutboxWriter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes events into the current transaction; the shared outbox relay ({@code libs/outbox}) publishes them once it
 * committed. One channel's events are published in the order they were written as long as the transactions
 * writing them are serialised, which the claim row's lock does.
 */
@ApplicationScoped
public class Outbox {

    /** The CloudEvents {@code source} of everything this service publishes. */
    public static final String SOURCE = "/key-provisioner";

    Uni<Void> add(Event event) {
        return Panache.getSession().chain(session -> OutboxWriter.insert(session,
                List.of(OutboxRecord.of(event, SOURCE))));
    }
}
