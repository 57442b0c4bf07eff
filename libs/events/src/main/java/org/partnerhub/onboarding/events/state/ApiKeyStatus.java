package org.partnerhub.onboarding.events.state;

import java.util.Objects;

/** @param reason why provisioning failed or the key was revoked; absent otherwise */
public record ApiKeyStatus(ApiKeyState state, String reason) {

    public ApiKeyStatus {
        Objects.requireNonNull(state, "state");
    }
}
