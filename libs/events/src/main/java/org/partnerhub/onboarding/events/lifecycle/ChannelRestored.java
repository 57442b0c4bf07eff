package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/**
 * The channel came back from {@code restricted}, {@code cancellation-requested} or {@code cancelled} to the stage
 * 360dialog reports now (a restriction lifted, a cancellation revoked); the stage it came back to is the snapshot's.
 */
public record ChannelRestored(
        String hubId, String channelId, long version, Instant occurredAt, ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelRestored {
        ChannelTransition.requireFields(hubId, channelId, occurredAt, snapshot);
    }

    @Override
    public String type() {
        return EventType.CHANNEL_RESTORED.ceType();
    }
}
