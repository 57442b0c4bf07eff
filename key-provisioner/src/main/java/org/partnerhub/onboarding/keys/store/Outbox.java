package org.partnerhub.onboarding.keys.store;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;

import io.smallrye.mutiny.Uni;

/** Writes events into the current transaction; {@link OutboxRelay} publishes them once it commits. */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec = new EventCodec();

    @Inject
    Clock clock;

    Uni<Void> add(Event event) {
        return OutboxEvent.of(event, codec, clock.instant()).persist().replaceWithVoid();
    }
}
