package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

/** One 360dialog client of the projection. */
public record ClientState(
        String clientId, String hubId, String tenant, TenantSource tenantSource, String name, Instant createdAt,
        Instant updatedAt) {
}
