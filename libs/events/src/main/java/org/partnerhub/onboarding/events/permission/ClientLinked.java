package org.partnerhub.onboarding.events.permission;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;

/**
 * A 360dialog client came back through a flow started for a tenant. Identified by hub, client and fact key, so the
 * same client linked again in a later flow is a new fact.
 */
public record ClientLinked(String hubId, String clientId, String tenant, Instant occurredAt, String factKey)
        implements PermissionEvent {

    public ClientLinked {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(factKey, "factKey");
    }

    @Override
    public String key() {
        return clientId;
    }

    @Override
    public String subject() {
        return clientId;
    }

    @Override
    public String type() {
        return EventType.CLIENT_LINKED.ceType();
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, clientId, factKey);
    }
}
