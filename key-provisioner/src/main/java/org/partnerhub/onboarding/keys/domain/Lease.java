package org.partnerhub.onboarding.keys.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.partnerhub.onboarding.runtime.tracing.TraceParent;

/**
 * One attempt's hold on a claim. The attempt number tells a late attempt whose lease ran out apart from the one that
 * took over; {@code claimedAt} bounds which keys at 360dialog the claim may have created. {@code leaseUntil} is when
 * the lease ran out as taken; the fence before the creation renews it in the database, not here.
 */
public record Lease(UUID claimId, String hubId, String channelId, String clientId, int attempt, Instant claimedAt,
        Instant leaseUntil, Optional<TraceParent> trace) {

    /**
     * The same hold, in the attempt's own span: what the attempt records (its key, its failure) is published in that
     * span's context.
     */
    public Lease tracedBy(TraceParent attempt) {
        return new Lease(claimId, hubId, channelId, clientId, this.attempt, claimedAt, leaseUntil,
                Optional.of(attempt));
    }

    /**
     * Attempts after the first may follow one whose outcome is unknown, so they look at 360dialog first. A retried
     * claim's attempts keep counting, so its next attempt looks too.
     */
    public boolean mayFollowAnUnknownOutcome() {
        return attempt > 1;
    }
}
