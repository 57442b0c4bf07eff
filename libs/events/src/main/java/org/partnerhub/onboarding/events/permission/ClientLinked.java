package org.partnerhub.onboarding.events.permission;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.ClientFact;
import org.partnerhub.onboarding.events.EventType;

/**
 * A 360dialog client came back through a flow started for a tenant. Identified by hub, client and fact key, so the
 * same client linked again in a later flow is a new fact.
 */
public record ClientLinked(String hubId, String clientId, String tenant, Instant occurredAt, String factKey)
        implements PermissionEvent, ClientFact {

    public ClientLinked {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(factKey, "factKey");
    }

    @Override
    public String type() {
        return EventType.CLIENT_LINKED.ceType();
    }
}
