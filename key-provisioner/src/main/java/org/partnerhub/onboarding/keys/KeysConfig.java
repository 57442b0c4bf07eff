package org.partnerhub.onboarding.keys;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code onboarding.keys.*}; the key material is secret and comes from the environment. */
@ConfigMapping(prefix = "onboarding.keys")
public interface KeysConfig {

    Encryption encryption();

    /** Also delete the key at 360dialog when the permission is revoked, not only stop handing it out. */
    @WithDefault("false")
    boolean deleteOnRevoke();

    Retry retry();

    /** How often due claims and unpublished events are looked for; the scheduler's minimum is one second. */
    @WithDefault("1s")
    Duration pollInterval();

    interface Encryption {

        /** The id of the key that encrypts new API keys. */
        String primary();

        /** Base64 AES key material (16, 24 or 32 bytes) by key id; old ids stay while rows still use them. */
        Map<String, String> keys();
    }

    interface Retry {

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("2s")
        Duration initialDelay();

        @WithDefault("5m")
        Duration maxDelay();
    }
}
