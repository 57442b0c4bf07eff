package org.partnerhub.onboarding.keys.store;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.outbox.OutboxWriter;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

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
        return add(event, Optional.empty());
    }

    /** @param trace the context of the work that led to it, which the event's consumers continue */
    Uni<Void> add(Event event, Optional<TraceParent> trace) {
        return Panache.getSession().chain(session -> OutboxWriter.insert(session,
                List.of(OutboxRecord.of(event, SOURCE, trace))));
    }
}
