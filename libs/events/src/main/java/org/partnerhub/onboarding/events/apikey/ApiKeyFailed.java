package org.partnerhub.onboarding.events.apikey;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;

/**
 * Creating a key failed. Identified by hub, channel, claim and attempt: the claim tells a failure for a later
 * permission of the same channel apart from an earlier one, whose attempt numbers start over.
 *
 * @param permanent whether key-provisioner gave up; otherwise it retries
 * @param attempts how many attempts the claim has made, this one included
 */
public record ApiKeyFailed(
        String hubId,
        String channelId,
        String reason,
        boolean permanent,
        int attempts,
        Instant occurredAt,
        String claimId)
        implements ApiKeyEvent {

    public ApiKeyFailed {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(claimId, "claimId");
    }

    @Override
    public String type() {
        return EventType.API_KEY_FAILED.ceType();
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, channelId, claimId, Integer.toString(attempts));
    }
}
