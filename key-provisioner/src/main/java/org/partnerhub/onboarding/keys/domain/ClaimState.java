package org.partnerhub.onboarding.keys.domain;

import java.time.Instant;

/**
 * A claim row as the rules read it, locked for the transaction that applies their decision.
 *
 * @param attempts the number of the latest attempt (the fencing token); it only ever grows
 * @param attemptsBeforeRetry {@code attempts} at the latest operator retry, where the attempt budget restarts
 * @param windowStartedAt when the current creation-budget window began, if any creation was sent yet
 * @param creationsInWindow creations sent in that window
 * @param unansweredCreations creations whose answer never came back; each doubles the next creation's timeout
 * @param notRunningSince when 360dialog first said the channel is not running yet, while it keeps saying so
 */
public record ClaimState(ClaimStatus status, int attempts, int attemptsBeforeRetry, Instant leaseUntil,
        Instant windowStartedAt, int creationsInWindow, int unansweredCreations, Instant notRunningSince) {

    public int attemptsSinceRetry() {
        return attempts - attemptsBeforeRetry;
    }

    /** The fence: the attempt still owns the claim, and its lease has not run out. */
    public boolean heldBy(int attempt, Instant now) {
        return status == ClaimStatus.CALLING && attempts == attempt && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
