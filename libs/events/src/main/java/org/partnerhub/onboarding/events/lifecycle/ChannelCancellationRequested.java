package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/**
 * The client asked 360dialog to cancel the channel (stage {@code cancellation-requested}, the Client Hub's "pending
 * deletion"); it can still be revoked. The channel keeps its key meanwhile.
 */
public record ChannelCancellationRequested(
        String hubId, String channelId, long version, Instant occurredAt, ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelCancellationRequested {
        ChannelTransition.requireFields(hubId, channelId, occurredAt, snapshot);
    }

    @Override
    public String type() {
        return EventType.CHANNEL_CANCELLATION_REQUESTED.ceType();
    }
}
