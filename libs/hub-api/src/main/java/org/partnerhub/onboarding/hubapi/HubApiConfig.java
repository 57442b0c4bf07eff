package org.partnerhub.onboarding.hubapi;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the Partner API is reached; the credentials are per hub, in {@code onboarding.hubs.<id>.*}. */
@ConfigMapping(prefix = "onboarding.hub-api")
public interface HubApiConfig {

    /** Base URL of the Partner API; tests and the sandbox point it elsewhere. */
    @WithDefault("https://hub.360dialog.io/api/v2")
    URI url();

    /** Upper bound of every call, connecting included. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * The longest bound a caller may give one call (a key creation after unanswered ones, see key-provisioner); also
     * the HTTP client's own read timeout, so it must not be shorter than {@code timeout}.
     */
    @WithDefault("60s")
    Duration timeoutCeiling();

    /** Calls in flight per hub at most; further calls wait their turn, each for at most its own bound. */
    @WithDefault("4")
    int maxConcurrency();
}
