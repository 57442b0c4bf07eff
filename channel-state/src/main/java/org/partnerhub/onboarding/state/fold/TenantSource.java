package org.partnerhub.onboarding.state.fold;

/** Where a tenant reference came from; a stronger source replaces a weaker one, never the other way round. */
public enum TenantSource {
    /** The {@code partner_payload} 360dialog echoes in webhooks. */
    PAYLOAD,
    /** The partner's own signed flow state, via the gateway. */
    LINK
}
