package org.partnerhub.onboarding.events.messagingwebhook;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;

/**
 * Setting the number's messaging webhook failed. Identified by hub, channel, key id and attempt.
 *
 * @param keyId 360dialog's id of the key the attempt used, not the key
 * @param reason the call, the HTTP status and 360dialog's message; never the key
 * @param permanent whether key-provisioner gave up; otherwise it retries
 * @param attempts how many attempts were made, this one included
 */
public record MessagingWebhookFailed(
        String hubId,
        String channelId,
        String keyId,
        String url,
        String reason,
        boolean permanent,
        int attempts,
        Instant occurredAt)
        implements MessagingWebhookEvent {

    public MessagingWebhookFailed {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return EventType.MESSAGING_WEBHOOK_FAILED.ceType();
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, channelId, keyId, Integer.toString(attempts));
    }
}
