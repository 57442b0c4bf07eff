package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.ChannelFact;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/**
 * A change of one channel, carrying the snapshot after it so a consumer needs no second lookup. Identified by type,
 * hub, channel and the version the change produced: a change happens once per version.
 */
public sealed interface ChannelTransition extends ChannelLifecycleEvent, ChannelFact
        permits ChannelCreated, ChannelStatusChanged, ChannelRunning, ChannelPermissionGranted,
                ChannelPermissionRevoked, ChannelCancellationRequested, ChannelCancelled, ChannelRestricted,
                ChannelRestored {

    long version();

    /** What every transition carries; called by their constructors. */
    static void requireFields(String hubId, String channelId, Instant occurredAt, ChannelSnapshot snapshot) {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    ChannelSnapshot snapshot();

    @Override
    default String id() {
        return EventIds.of(type(), hubId(), channelId(), Long.toString(version()));
    }
}
