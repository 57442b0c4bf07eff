package org.partnerhub.onboarding.sandbox;

import java.time.Instant;

/** A channel's messaging API key. The value is fake and says so. */
record ApiKey(String id, String channelId, String apiKey, String address, String appId, Instant createdAt) {
}
