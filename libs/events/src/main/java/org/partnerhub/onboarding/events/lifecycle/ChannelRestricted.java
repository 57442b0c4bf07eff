package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/** Meta or 360dialog restricted the channel's account (stage {@code restricted}); the restriction can be lifted. */
public record ChannelRestricted(
        String hubId, String channelId, long version, Instant occurredAt, ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelRestricted {
        ChannelTransition.requireFields(hubId, channelId, occurredAt, snapshot);
    }

    @Override
    public String type() {
        return EventType.CHANNEL_RESTRICTED.ceType();
    }
}
