package org.partnerhub.onboarding.keys.domain;

import java.util.Locale;
import java.util.Optional;

import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;

/**
 * What a channel's snapshot means for its key: a running (or live) channel with permission, no live key and not
 * stale calls for one; a cancelled or terminated channel loses it; anything else (restricted, a cancellation only
 * requested, not running yet) leaves the key as it is.
 */
public sealed interface ProvisioningDecision {

    record Provision() implements ProvisioningDecision {
    }

    record Ignore(String reason) implements ProvisioningDecision {
    }

    /**
     * The channel ended at 360dialog: its key is withdrawn as on a revoked permission (deleted there too with
     * {@code delete-on-revoke}) and the hand-out answers 410 with {@code reason}.
     */
    record Withdraw(String reason) implements ProvisioningDecision {
    }

    /**
     * @param eventVersion the projection version the event was published at
     * @param lastRevokedAt the projection version of the channel's latest revocation this service applied, if any;
     *     an event from before it describes a permission that no longer exists
     */
    static ProvisioningDecision decide(ChannelSnapshot snapshot, long eventVersion, Optional<Long> lastRevokedAt) {
        if (snapshot.stage() == ChannelStage.CANCELLED) {
            return withdraw(snapshot.status());
        }
        return decide(snapshot.stage(), snapshot.permission().state(), snapshot.apiKey().state(), eventVersion,
                lastRevokedAt);
    }

    /** The same rule on the parts of a snapshot, as the sweep keeps them (it keeps no cancelled channel). */
    static ProvisioningDecision decide(ChannelStage stage, PermissionState permission, ApiKeyState apiKey,
            long eventVersion, Optional<Long> lastRevokedAt) {
        if (stage == ChannelStage.CANCELLED) {
            return withdraw(null);
        }
        if (stage != ChannelStage.RUNNING && stage != ChannelStage.LIVE) {
            return new Ignore("channel is " + stage.name().toLowerCase(Locale.ROOT) + ", not running");
        }
        if (permission != PermissionState.GRANTED) {
            return new Ignore("permission is " + permission.name().toLowerCase(Locale.ROOT));
        }
        if (apiKey == ApiKeyState.PROVISIONED) {
            return new Ignore("the channel already has a live key");
        }
        if (lastRevokedAt.filter(revoked -> revoked >= eventVersion).isPresent()) {
            return new Ignore("stale: the permission was revoked after version " + eventVersion);
        }
        return new Provision();
    }

    /** 360dialog's {@code terminated} is named as such; every other status of the stage is a cancellation. */
    private static Withdraw withdraw(String status) {
        boolean terminated = status != null && status.trim().equalsIgnoreCase("terminated");
        return new Withdraw(terminated ? "channel terminated" : "channel cancelled");
    }
}
