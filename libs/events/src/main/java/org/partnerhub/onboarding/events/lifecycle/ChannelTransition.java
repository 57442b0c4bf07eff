package org.partnerhub.onboarding.events.lifecycle;

import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/**
 * A change of one channel, carrying the snapshot after it so a consumer needs no second lookup. Identified by type,
 * hub, channel and the version the change produced: a change happens once per version.
 */
public sealed interface ChannelTransition extends ChannelLifecycleEvent
        permits ChannelCreated, ChannelStatusChanged, ChannelRunning, ChannelPermissionGranted,
                ChannelPermissionRevoked {

    String channelId();

    long version();

    ChannelSnapshot snapshot();

    @Override
    default String key() {
        return channelId();
    }

    @Override
    default String subject() {
        return channelId();
    }

    @Override
    default String id() {
        return EventIds.of(type(), hubId(), channelId(), Long.toString(version()));
    }
}
