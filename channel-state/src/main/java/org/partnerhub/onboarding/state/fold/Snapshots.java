package org.partnerhub.onboarding.state.fold;

import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.PermissionStatus;

/** The published form of a channel. */
public final class Snapshots {

    private Snapshots() {
    }

    public static ChannelSnapshot of(ChannelState channel) {
        ChannelState.Identity identity = channel.identity();
        ChannelState.HubStatus hub = channel.hub();
        ChannelState.Times times = channel.times();
        return new ChannelSnapshot(
                identity.channelId(),
                identity.hubId(),
                identity.clientId(),
                identity.tenant(),
                identity.phoneNumber(),
                hub.status(),
                hub.stage(),
                hub.accountMode(),
                new PermissionStatus(channel.permission().state(), Origin.wire(channel.permission().source())),
                new ApiKeyStatus(channel.apiKey().state(), channel.apiKey().reason()),
                times.version(),
                times.createdAt(),
                times.updatedAt(),
                times.lastFactAt());
    }
}
