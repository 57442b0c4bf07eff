package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/** 360dialog cancelled the channel (stage {@code cancelled}): its API key is to be withdrawn. */
public record ChannelCancelled(
        String hubId, String channelId, long version, Instant occurredAt, ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelCancelled {
        ChannelTransition.requireFields(hubId, channelId, occurredAt, snapshot);
    }

    @Override
    public String type() {
        return EventType.CHANNEL_CANCELLED.ceType();
    }
}
