package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.ClientFact;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;

/** The projection saw a client for the first time. Identified by hub and client: a client is created once. */
public record ClientCreated(String hubId, String clientId, String tenant, String name, Instant occurredAt)
        implements ChannelLifecycleEvent, ClientFact {

    public ClientCreated {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return EventType.CLIENT_CREATED.ceType();
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, clientId);
    }
}
