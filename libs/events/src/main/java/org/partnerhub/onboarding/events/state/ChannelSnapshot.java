package org.partnerhub.onboarding.events.state;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.ChannelFact;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.Topic;

/**
 * The latest state of one channel (compacted topic {@code channel.state}). Identified by hub, channel and version:
 * every change bumps the version, and republishing a version repeats its id.
 *
 * @param status 360dialog's channel status as received, a free string; {@code stage} is its mapped meaning
 * @param tenant the partner's own reference for the customer
 * @param version increases by one with every change of the projection row
 * @param lastFactAt when the last fact folded into this snapshot happened
 */
public record ChannelSnapshot(
        String channelId,
        String hubId,
        String clientId,
        String tenant,
        String phoneNumber,
        String status,
        ChannelStage stage,
        String accountMode,
        PermissionStatus permission,
        ApiKeyStatus apiKey,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant lastFactAt)
        implements ChannelFact {

    public ChannelSnapshot {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public Topic topic() {
        return Topic.CHANNEL_STATE;
    }

    @Override
    public String type() {
        return EventType.CHANNEL_STATE.ceType();
    }

    /** The snapshot's time is when the projection changed. */
    @Override
    public Instant occurredAt() {
        return updatedAt;
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, channelId, Long.toString(version));
    }
}
