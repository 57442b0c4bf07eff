package org.partnerhub.onboarding.ingest;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The webhook intake's limits, as {@code onboarding.ingest.<key>}. */
@ConfigMapping(prefix = "onboarding.ingest")
public interface IngestConfig {

    /** Larger bodies are refused with 413 before they are read to the end. */
    @WithDefault("256K")
    MemorySize maxBodySize();

    /**
     * How long the whole body may take to arrive once the headers are in; a slower request is answered 408 and its
     * connection closed, so slow senders cannot hold the in-flight slots.
     */
    @WithDefault("5s")
    Duration bodyTimeout();

    /** How long a request waits for the broker's acknowledgement before it is answered 503. */
    @WithDefault("5s")
    Duration publishTimeout();

    /** Requests being read or published at once; more are answered 503, so overload cannot exhaust memory. */
    @WithDefault("512")
    int maxInFlight();

    /** How long an accepted webhook id is remembered to answer a redelivery without a second record; 0 turns it off. */
    @WithDefault("10M")
    Duration dedupWindow();

    /** What a 503 asks the sender to wait, in whole seconds in {@code Retry-After}. */
    @WithDefault("2s")
    Duration retryAfter();
}
