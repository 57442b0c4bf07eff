package org.partnerhub.onboarding.state.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.PermissionState;

/**
 * What a client's shared numbers say that the projection does not: a {@code permission.granted} for each of its
 * channels that is shared but not granted, a {@code permission.revoked} for each that is granted but no longer
 * shared. Channels the projection does not hold under the client are left alone, and so is a granted channel still in
 * flight (before running) that is not listed: 360dialog may list a number only once it is set up, and no key is made
 * before running anyway; once it runs, its client is asked on the hot cadence.
 *
 * <p>The fact key names the permission fact the observation contradicts (the one that decided the channel's permission
 * so far), so the same observed change always has the same event id: whichever replica publishes it, and however often
 * a run is retried before the fold applied it, the fold applies it once. The next change contradicts another fact, and
 * so gets another id.
 */
final class PermissionDrift {

    static final String SOURCE = "partner-api";

    /**
     * A channel's permission as the projection holds it.
     *
     * @param decidedBy the id of the permission fact that decided it; null while none did
     * @param inFlight whether the channel is still before running
     */
    record ProjectedPermission(
            String channelId, String tenant, PermissionState permission, String decidedBy, boolean inFlight) {
    }

    private PermissionDrift() {
    }

    /**
     * @param observedAt when the question was sent: 360dialog's answer is at least that fresh, and a grant or
     *     withdrawal that the gateway saw after it stays the later fact
     */
    static List<PermissionEvent> changes(String hubId, String clientId, List<ProjectedPermission> channels,
            Set<String> shared, Instant observedAt) {
        List<PermissionEvent> changes = new ArrayList<>();
        for (ProjectedPermission channel : channels) {
            boolean granted = channel.permission() == PermissionState.GRANTED;
            boolean sharedNow = shared.contains(channel.channelId());
            if (granted == sharedNow || granted && channel.inFlight()) {
                continue;
            }
            String factKey = SOURCE + ":after:" + (channel.decidedBy() == null ? "none" : channel.decidedBy());
            changes.add(sharedNow
                    ? new PermissionGranted(hubId, clientId, channel.channelId(), channel.tenant(), SOURCE, observedAt,
                            factKey, Verification.CONFIRMED)
                    : new PermissionRevoked(hubId, clientId, channel.channelId(), channel.tenant(), SOURCE, observedAt,
                            factKey, Verification.CONFIRMED));
        }
        return changes;
    }
}
