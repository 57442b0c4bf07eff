package org.partnerhub.onboarding.state.console;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "onboarding.console")
public interface ConsoleConfig {

    /**
     * A channel that has not changed for longer than this, and still waits for 360dialog, its permission or its key,
     * is listed as stuck. Longer than the reconciler's {@code stale-after}: by then the reconciler has asked 360dialog.
     */
    @WithDefault("1H")
    Duration stuckAfter();

    /**
     * How often the gauge {@code onboarding_channels_stuck} counts the channels the stuck list holds (one grouped
     * count in the database per replica).
     */
    @WithDefault("1M")
    Duration stuckCountInterval();

    /** Where the retry button's call is forwarded; without both keys the button is hidden and the call answers 501. */
    KeyProvisioner keyProvisioner();

    interface KeyProvisioner {

        /** key-provisioner's base URL, e.g. {@code http://key-provisioner:8083}. */
        Optional<URI> url();

        /** channel-state's bearer token at key-provisioner (a credential with {@code keys:retry}); a secret. */
        Optional<String> token();

        @WithDefault("10s")
        Duration timeout();
    }
}
