package org.partnerhub.onboarding.events.state;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the channel's API key stands; the key itself is never published. */
public enum ApiKeyState {
    @JsonProperty("none")
    NONE,
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("provisioned")
    PROVISIONED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("revoked")
    REVOKED
}
