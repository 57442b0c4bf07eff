package org.partnerhub.onboarding.state.fold;

/** Where a tenant binding came from. It does not rank bindings: the first one binds, whatever its source. */
public enum TenantSource {
    /** The client's {@code partner_payload}, as 360dialog echoes it in webhooks and Partner API reads. */
    PAYLOAD,
    /** The partner's own flow, verified by the gateway ({@code client.linked}). */
    LINK
}
