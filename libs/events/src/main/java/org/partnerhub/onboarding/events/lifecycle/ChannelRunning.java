package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/** The channel reached {@code running}: API keys can now be created for it. */
public record ChannelRunning(String hubId, String channelId, long version, Instant occurredAt, ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelRunning {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public String type() {
        return EventType.CHANNEL_RUNNING.ceType();
    }
}
