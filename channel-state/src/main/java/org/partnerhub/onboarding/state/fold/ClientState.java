package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

/**
 * One 360dialog client of the projection.
 *
 * @param tenantBinding the first verified binding to a tenant, absent while there is none
 */
public record ClientState(
        String clientId, String hubId, TenantBinding tenantBinding, String name, Instant createdAt,
        Instant updatedAt) {

    public String tenant() {
        return TenantBinding.tenantOf(tenantBinding);
    }

    public TenantSource tenantSource() {
        return TenantBinding.sourceOf(tenantBinding);
    }
}
