package org.partnerhub.onboarding.state.reconcile;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "onboarding.reconcile")
public interface ReconcileConfig {

    @WithDefault("true")
    boolean enabled();

    /** How often the reconciler runs; read by the scheduler as {@code onboarding.reconcile.interval}. */
    @WithDefault("10M")
    Duration interval();

    /** A channel not yet running whose last fact is older than this is asked about at 360dialog. */
    @WithDefault("30M")
    Duration staleAfter();

    /** The bound on Partner API calls: at most this many channels per run, one call at a time. */
    @WithDefault("50")
    int maxPerRun();
}
