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

    CreationBudget creationBudget();

    /**
     * How long a 400 from 360dialog saying the channel is not running yet is retried (it lags behind the webhook
     * that said running); after that it fails the claim like any other 4xx.
     */
    @WithDefault("10m")
    Duration notRunningGrace();

    /**
     * How often one replica looks for channels that are running and permitted (as {@code channel.state} last said)
     * without a claim, in case their trigger on {@code channel.events} never arrived.
     */
    @WithDefault("1m")
    Duration sweepInterval();

    /** How often each replica counts the FAILED claims per hub for the gauge {@code keys_claims_failed}. */
    @WithDefault("1m")
    Duration failedCountInterval();

    /** How often due claims and unpublished events are looked for; the scheduler's minimum is one second. */
    @WithDefault("1s")
    Duration pollInterval();

    interface Encryption {

        /** The id of the key that encrypts new API keys. */
        String primary();

        /** Base64 AES key material (16, 24 or 32 bytes) by key id; old ids stay while rows still use them. */
        Map<String, String> keys();
    }

    /**
     * Caps key creations per claim: each creation revokes the channel's earlier keys at 360dialog, so a slow or
     * failing Partner API must not turn timeouts into a stream of creations. Once spent, the claim waits
     * ({@code WAITING}) until the window ends.
     */
    interface CreationBudget {

        @WithDefault("3")
        int creations();

        @WithDefault("1h")
        Duration window();
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
