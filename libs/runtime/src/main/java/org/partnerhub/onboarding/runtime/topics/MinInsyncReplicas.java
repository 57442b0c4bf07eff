package org.partnerhub.onboarding.runtime.topics;

import java.util.OptionalInt;

/**
 * The {@code min.insync.replicas} of the topics a service creates. With {@code acks=all} a write is acknowledged
 * once every in-sync replica has it; only a floor of two in-sync replicas makes "acknowledged" survive the loss of a
 * broker, so with three or more replicas the floor is two unless configured otherwise.
 */
public final class MinInsyncReplicas {

    /** The configuration value that means "derive it from the replication factor". */
    public static final int DERIVED = -1;

    private MinInsyncReplicas() {
    }

    /**
     * @param configured {@code onboarding.topics.min-insync-replicas}; {@link #DERIVED} to derive it
     * @param replicationFactor the replication factor the topics get (configured, or the broker's default)
     * @return the value to set, or empty to keep the broker's default
     * @throws IllegalArgumentException if the configured value can never be met by the topic's replicas
     */
    public static OptionalInt of(int configured, int replicationFactor) {
        if (configured == DERIVED) {
            return replicationFactor >= 3 ? OptionalInt.of(2) : OptionalInt.empty();
        }
        if (configured < 1 || configured > replicationFactor) {
            throw new IllegalArgumentException("onboarding.topics.min-insync-replicas=" + configured
                    + " cannot be met with replication factor " + replicationFactor
                    + ": every acks=all write would fail; use 1.." + replicationFactor + " or -1 to derive it");
        }
        return OptionalInt.of(configured);
    }
}
