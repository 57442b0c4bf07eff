package org.partnerhub.onboarding.events.apikey;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;

/**
 * A stored key is withdrawn and no longer handed out. Identified by hub, channel and key id: a key is revoked once.
 *
 * @param deletedAtHub whether the key was also deleted at 360dialog, not only withdrawn locally
 */
public record ApiKeyRevoked(
        String hubId, String channelId, String keyId, String reason, boolean deletedAtHub, Instant occurredAt)
        implements ApiKeyEvent {

    public ApiKeyRevoked {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return EventType.API_KEY_REVOKED.ceType();
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, channelId, keyId);
    }
}
