package org.partnerhub.onboarding.gateway.state;

import java.time.Instant;
import java.util.Objects;

/**
 * What the signed {@code state} of one popup flow vouches for.
 *
 * @param nonce random, also held by the browser's cookie, so a redirect only counts in the browser that started
 *     the flow; the published facts use it as their fact key
 */
public record FlowState(String hubId, String tenant, String nonce, Instant expiresAt) {

    public FlowState {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
