package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/** The partner lost permission for the channel; its key must no longer be handed out. */
public record ChannelPermissionRevoked(
        String hubId, String channelId, long version, Instant occurredAt, ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelPermissionRevoked {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public String type() {
        return EventType.CHANNEL_PERMISSION_REVOKED.ceType();
    }
}
