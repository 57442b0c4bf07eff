package org.partnerhub.onboarding.events.state;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the partner may create API keys for the channel. */
public enum PermissionState {
    @JsonProperty("granted")
    GRANTED,
    @JsonProperty("missing")
    MISSING,
    @JsonProperty("revoked")
    REVOKED
}
