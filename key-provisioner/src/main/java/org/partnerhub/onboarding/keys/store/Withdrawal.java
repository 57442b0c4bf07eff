package org.partnerhub.onboarding.keys.store;

/**
 * Ending a channel's key: its permission was revoked, or the channel was cancelled or terminated at 360dialog.
 *
 * @param version the projection version the withdrawal was published at; events from before it claim nothing
 * @param reason what the hand-out's 410 and {@code api-key.revoked} say
 */
public record Withdrawal(String hubId, String channelId, String clientId, long version, String reason) {

    /** The reason of a revoked permission; also what claims and keys withdrawn before reasons were recorded show. */
    public static final String PERMISSION_REVOKED = "permission revoked";
}
