package org.partnerhub.onboarding.state.fold;

import org.partnerhub.onboarding.events.permission.Verification;

/**
 * What a permission fact does to its channel, given what the channel is known to be. A pure function of the fact and
 * the channel's client and tenant, so the fold can re-judge every kept fact whenever either becomes known.
 */
enum PermissionVerdict {
    /** It counts: the latest fact that counts decides the channel's permission. */
    APPLIES,
    /** Not confirmed by the gateway, and 360dialog has not reported the channel yet: kept, waiting. */
    PENDING,
    /** 360dialog reports the channel under another client than the fact names: it never counts. */
    CLIENT_CONFLICT,
    /** It carries another tenant than the one the channel is bound to: it never counts. */
    TENANT_CONFLICT;

    static PermissionVerdict of(Fact.PermissionChanged fact, ChannelState channel) {
        if (fact.tenant() != null && channel.tenant() != null && !fact.tenant().equals(channel.tenant())) {
            return TENANT_CONFLICT;
        }
        String reported = channel.identity().clientObserved() ? channel.clientId() : null;
        if (reported != null && fact.clientId() != null && !reported.equals(fact.clientId())) {
            return CLIENT_CONFLICT;
        }
        if (fact.verification() == Verification.CONFIRMED || reported != null && fact.clientId() != null) {
            return APPLIES;
        }
        return PENDING;
    }
}
