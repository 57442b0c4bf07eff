package org.partnerhub.onboarding.auth;

import java.util.Arrays;

/** What a credential may do, written in configuration as {@code channels:read}, {@code keys:read}, {@code keys:retry}. */
public enum Scope {

    /** channel-state's query API: channels, their history, clients. */
    CHANNELS_READ("channels:read"),
    /** key-provisioner's hand-out of a channel's API key in plain text. */
    KEYS_READ("keys:read"),
    /** key-provisioner's operator retry of a FAILED key claim. */
    KEYS_RETRY("keys:retry");

    private final String configName;

    Scope(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** @throws IllegalArgumentException naming the known scopes */
    public static Scope of(String configName) {
        return Arrays.stream(values()).filter(scope -> scope.configName.equals(configName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + configName + "', known: "
                        + Arrays.stream(values()).map(Scope::configName).toList()));
    }

    @Override
    public String toString() {
        return configName;
    }
}
