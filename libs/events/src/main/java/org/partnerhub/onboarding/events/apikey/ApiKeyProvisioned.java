package org.partnerhub.onboarding.events.apikey;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;

/**
 * A key was created at 360dialog and stored. Identified by hub, channel and the key's id at 360dialog, so a
 * resumed claim that publishes again repeats the id.
 *
 * @param keyId 360dialog's id of the key, not the key
 * @param address the messaging API base URL to use with the key
 * @param claimId the provisioning claim (one per channel permission) that produced the key
 */
public record ApiKeyProvisioned(
        String hubId,
        String channelId,
        String clientId,
        String keyId,
        String address,
        String appId,
        String claimId,
        Instant occurredAt)
        implements ApiKeyEvent {

    public ApiKeyProvisioned {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return EventType.API_KEY_PROVISIONED.ceType();
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, channelId, keyId);
    }
}
