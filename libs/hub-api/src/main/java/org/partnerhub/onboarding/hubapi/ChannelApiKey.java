package org.partnerhub.onboarding.hubapi;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel's API key at 360dialog.
 *
 * @param id 360dialog's id of the key; not secret
 * @param apiKey the secret itself; absent when a listing does not reveal it. Never printed by {@link #toString()}
 * @param address the messaging API base URL to use with the key
 * @param createdAt when 360dialog created it, if it says
 */
public record ChannelApiKey(String id, String apiKey, String address, String appId, Instant createdAt) {

    public ChannelApiKey {
        Objects.requireNonNull(id, "id");
    }

    public boolean revealsSecret() {
        return apiKey != null && !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "ChannelApiKey[id=" + id + ", apiKey=" + (revealsSecret() ? "***" : "absent") + ", address=" + address
                + ", appId=" + appId + ", createdAt=" + createdAt + "]";
    }
}
