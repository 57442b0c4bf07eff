package org.partnerhub.onboarding.keys.domain;

import java.util.Optional;

import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;

/** Whether a channel event calls for a key: running (or live), permission granted, no live key, not stale. */
public sealed interface ProvisioningDecision {

    record Provision() implements ProvisioningDecision {
    }

    record Ignore(String reason) implements ProvisioningDecision {
    }

    /**
     * @param eventVersion the projection version the event was published at
     * @param lastRevokedAt the projection version of the channel's latest revocation this service applied, if any;
     *     an event from before it describes a permission that no longer exists
     */
    static ProvisioningDecision decide(ChannelSnapshot snapshot, long eventVersion, Optional<Long> lastRevokedAt) {
        return decide(snapshot.stage(), snapshot.permission().state(), snapshot.apiKey().state(), eventVersion,
                lastRevokedAt);
    }

    /** The same rule on the parts of a snapshot, as the sweep keeps them. */
    static ProvisioningDecision decide(ChannelStage stage, PermissionState permission, ApiKeyState apiKey,
            long eventVersion, Optional<Long> lastRevokedAt) {
        if (stage != ChannelStage.RUNNING && stage != ChannelStage.LIVE) {
            return new Ignore("channel is " + stage.name().toLowerCase() + ", not running");
        }
        if (permission != PermissionState.GRANTED) {
            return new Ignore("permission is " + permission.name().toLowerCase());
        }
        if (apiKey == ApiKeyState.PROVISIONED) {
            return new Ignore("the channel already has a live key");
        }
        if (lastRevokedAt.filter(revoked -> revoked >= eventVersion).isPresent()) {
            return new Ignore("stale: the permission was revoked after version " + eventVersion);
        }
        return new Provision();
    }
}
