package org.partnerhub.onboarding.state.importer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The first-install import ({@code channel-state import}). */
@ConfigMapping(prefix = "onboarding.import")
public interface ImportConfig {

    /** Items asked for per Partner API page. */
    @WithDefault("100")
    int pageSize();

    /** Listing calls per hub within any minute, retries included. */
    @WithDefault("60")
    int callsPerMinute();

    /** Tries of one page through 5xx, 429 and timeouts before the import stops (it resumes from that page). */
    @WithDefault("8")
    int maxAttempts();

    /**
     * Wait before trying a page again when 360dialog sent no {@code Retry-After}; doubled each time, at most a
     * minute.
     */
    @WithDefault("2s")
    Duration retryDelay();
}
