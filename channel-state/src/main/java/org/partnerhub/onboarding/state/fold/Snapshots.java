package org.partnerhub.onboarding.state.fold;

import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.PermissionStatus;

/** The published form of a channel. */
public final class Snapshots {

    private Snapshots() {
    }

    public static ChannelSnapshot of(ChannelState channel) {
        return new ChannelSnapshot(
                channel.channelId(),
                channel.hubId(),
                channel.clientId(),
                channel.tenant(),
                channel.phoneNumber(),
                channel.status(),
                StageMapping.stage(channel.status()),
                channel.accountMode(),
                new PermissionStatus(channel.permission(), channel.permissionSource()),
                new ApiKeyStatus(channel.apiKey(), channel.apiKeyReason()),
                channel.version(),
                channel.createdAt(),
                channel.updatedAt(),
                channel.lastFactAt());
    }
}
