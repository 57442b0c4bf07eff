package org.partnerhub.onboarding.runtime.topics;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "onboarding.topics")
public interface TopicsConfig {

    /** Create missing topics at start-up. Set false where an operator (e.g. Strimzi KafkaTopic) owns them. */
    @WithDefault("true")
    boolean create();

    /** The topics this service writes (catalogue names, DLQs included); each service sets its own. */
    List<String> writes();

    /** Replication factor of created topics; -1 takes the broker's default. */
    @WithDefault("-1")
    short replicationFactor();

    /**
     * {@code min.insync.replicas} of created topics; -1 derives it: 2 when the replication factor (configured, or
     * the broker's {@code default.replication.factor}) is at least 3, else the broker's default.
     */
    @WithDefault("-1")
    int minInsyncReplicas();

    /** How long start-up waits for the cluster before it logs the failure and goes on unready. */
    @WithDefault("30s")
    Duration timeout();
}
