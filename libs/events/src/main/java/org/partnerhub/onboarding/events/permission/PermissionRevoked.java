package org.partnerhub.onboarding.events.permission;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.ChannelFact;
import org.partnerhub.onboarding.events.EventType;

/**
 * The client withdrew the partner's permission to create API keys for a channel. Identified by hub, channel and
 * fact key.
 *
 * @param source how the permission became known: {@code partner-payment}, {@code redirect}, {@code webhook},
 *     {@code reconcile}, ...; a free string so that a new source is not a breaking change
 * @param verification whether 360dialog confirmed the channel under the client; absent (older events) is pending
 */
public record PermissionRevoked(
        String hubId,
        String clientId,
        String channelId,
        String tenant,
        String source,
        Instant occurredAt,
        String factKey,
        Verification verification)
        implements PermissionEvent, ChannelFact {

    public PermissionRevoked {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(factKey, "factKey");
        verification = Verification.orPending(verification);
    }

    @Override
    public String type() {
        return EventType.PERMISSION_REVOKED.ceType();
    }
}
