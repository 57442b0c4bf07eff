package org.partnerhub.onboarding.state.ingest;

import java.util.List;
import java.util.Map;

import org.partnerhub.onboarding.state.fold.Fact;

/** One consumed record: the facts it carries, or why it cannot be read. */
public sealed interface IncomingRecord {

    /**
     * @param origin the Kafka record the facts came from, to dead-letter it if the database rejects them; absent for
     *     facts on no topic (the reconciler's)
     */
    record Facts(List<Fact> facts, Origin origin) implements IncomingRecord {

        /** Facts on no topic. */
        public Facts(List<Fact> facts) {
            this(facts, null);
        }
    }

    /**
     * A record that cannot be parsed, bound for its topic's dead-letter topic with the reason.
     *
     * @param headers the original headers, values as UTF-8
     */
    record Poison(
            String topic, int partition, long offset, String key, Map<String, String> headers, byte[] value,
            String reason) implements IncomingRecord {
    }

    /**
     * Where a record came from and what it held, as it came.
     *
     * @param headers the original headers, values as UTF-8
     */
    record Origin(String topic, int partition, long offset, String key, Map<String, String> headers, byte[] value) {

        public Poison poison(String reason) {
            return new Poison(topic, partition, offset, key, headers, value, reason);
        }
    }
}
