package org.partnerhub.onboarding.state.reconcile;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "onboarding.reconcile")
public interface ReconcileConfig {

    /** Runs the reconciler and the permission poller (on the one replica that leads). */
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

    /**
     * How often running and live channels are read again (up to {@link #maxPerRun()} per run, each run going on
     * where the last stopped); read by the scheduler as {@code onboarding.reconcile.live-interval}.
     */
    @WithDefault("1H")
    Duration liveInterval();

    /** The permission poller of Direct Payment hubs. */
    Permissions permissions();

    interface Permissions {

        @WithDefault("true")
        boolean enabled();

        /** How often the poller looks for clients that are due; read by the scheduler. */
        @WithDefault("30S")
        Duration tick();

        /** A client with a channel before running, or changed within {@link #recentWindow()}, is asked this often. */
        @WithDefault("2M")
        Duration hotInterval();

        /** Every other client with channels is asked this often. */
        @WithDefault("6H")
        Duration coldInterval();

        /** How long after a channel's last change its client stays on the hot cadence. */
        @WithDefault("1H")
        Duration recentWindow();

        /** At most this many shared-numbers calls per hub in any minute; due clients beyond wait for a later tick. */
        @WithDefault("30")
        int callsPerMinute();
    }
}
