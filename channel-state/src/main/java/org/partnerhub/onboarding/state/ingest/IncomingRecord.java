package org.partnerhub.onboarding.state.ingest;

import java.util.List;
import java.util.Map;

import org.partnerhub.onboarding.state.fold.Fact;

/** One consumed record: the facts it carries, or why it cannot be read. */
public sealed interface IncomingRecord {

    record Facts(List<Fact> facts) implements IncomingRecord {
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
}
