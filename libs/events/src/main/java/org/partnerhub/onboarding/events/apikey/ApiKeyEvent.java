package org.partnerhub.onboarding.events.apikey;

import org.partnerhub.onboarding.events.ChannelFact;
import org.partnerhub.onboarding.events.Topic;

/**
 * What happened to a channel's API key (topic {@code channel.api-keys}). None of these carries the secret: internal
 * services fetch it from key-provisioner's authenticated API.
 */
public sealed interface ApiKeyEvent extends ChannelFact permits ApiKeyProvisioned, ApiKeyRevoked, ApiKeyFailed {

    @Override
    default Topic topic() {
        return Topic.CHANNEL_API_KEYS;
    }
}
