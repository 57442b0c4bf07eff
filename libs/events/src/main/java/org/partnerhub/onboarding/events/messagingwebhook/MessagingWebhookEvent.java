package org.partnerhub.onboarding.events.messagingwebhook;

import org.partnerhub.onboarding.events.ChannelFact;
import org.partnerhub.onboarding.events.Topic;

/**
 * What happened when key-provisioner pointed a number's messaging webhook (360dialog's WhatsApp API
 * {@code configs/webhook}) at the URL configured for its hub, with the channel's new key (topic
 * {@code channel.api-keys}, next to the key's own events). None of these carries the key.
 */
public sealed interface MessagingWebhookEvent extends ChannelFact permits MessagingWebhookSet, MessagingWebhookFailed {

    @Override
    default Topic topic() {
        return Topic.CHANNEL_API_KEYS;
    }
}
