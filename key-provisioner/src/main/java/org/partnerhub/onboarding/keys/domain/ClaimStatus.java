package org.partnerhub.onboarding.keys.domain;

/** Where a claim (one per channel permission) stands. */
public enum ClaimStatus {
    /** Waiting for its next attempt, due at the claim's {@code next_attempt_at}. */
    PENDING,
    /** An attempt is talking to 360dialog; if its lease runs out, the attempt died and the claim is resumed. */
    CALLING,
    /**
     * The channel's creation budget for the window is spent (creations whose answers were lost or slow): no creation
     * until {@code next_attempt_at}, when the window ends. Counted by the metric {@code keys.claims.waited}.
     */
    WAITING,
    PROVISIONED,
    /** Permanently failed or out of attempts; an operator's retry or a new permission grant tries again. */
    FAILED,
    /** The permission was revoked; the channel is free for the next grant. */
    REVOKED
}
