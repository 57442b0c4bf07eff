package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/** The projection saw a channel for the first time. */
public record ChannelCreated(String hubId, String channelId, long version, Instant occurredAt, ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelCreated {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public String type() {
        return EventType.CHANNEL_CREATED.ceType();
    }
}
