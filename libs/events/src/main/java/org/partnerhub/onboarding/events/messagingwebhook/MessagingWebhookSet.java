package org.partnerhub.onboarding.events.messagingwebhook;

import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventType;

/**
 * The number's messaging webhook was set with the channel's key. Identified by hub, channel and key id: each key's
 * webhook is set once, and a re-created key sets it again under its own id.
 *
 * @param keyId 360dialog's id of the key the webhook was set with, not the key
 * @param url the webhook URL 360dialog now posts the number's messages to
 * @param attempts how many attempts it took
 */
public record MessagingWebhookSet(
        String hubId, String channelId, String keyId, String url, int attempts, Instant occurredAt)
        implements MessagingWebhookEvent {

    public MessagingWebhookSet {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return EventType.MESSAGING_WEBHOOK_SET.ceType();
    }

    @Override
    public String id() {
        return EventIds.of(type(), hubId, channelId, keyId);
    }
}
