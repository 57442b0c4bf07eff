package org.partnerhub.onboarding.events.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * 360dialog's status of the channel changed. Both the raw statuses and their stages are given, since a status change
 * may stay within one stage.
 *
 * @param fromStatus absent for the channel's first status
 */
public record ChannelStatusChanged(
        String hubId,
        String channelId,
        String fromStatus,
        String toStatus,
        ChannelStage fromStage,
        ChannelStage toStage,
        long version,
        Instant occurredAt,
        ChannelSnapshot snapshot)
        implements ChannelTransition {

    public ChannelStatusChanged {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public String type() {
        return EventType.CHANNEL_STATUS_CHANGED.ceType();
    }
}
