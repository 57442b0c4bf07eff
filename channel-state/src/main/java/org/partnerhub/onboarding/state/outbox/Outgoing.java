package org.partnerhub.onboarding.state.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.Topic;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.state.ingest.IncomingRecord;

/** What channel-state writes to its outbox: the events of its folds, and poison records to their dead-letter topics. */
public final class Outgoing {

    public static final String SOURCE = "/channel-state";
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    private Outgoing() {
    }

    /** @param trace the context of the fold that led to it, which its consumers continue */
    public static OutboxRecord event(Event event, Optional<TraceParent> trace) {
        return OutboxRecord.of(event, SOURCE, trace);
    }

    /** The poison record as it came, to its topic's dead-letter topic, with where it came from and why. */
    public static OutboxRecord deadLetter(IncomingRecord.Poison poison) {
        Map<String, String> headers = new LinkedHashMap<>(poison.headers());
        headers.put(DEAD_LETTER_REASON, poison.reason());
        headers.put("dead-letter-topic", poison.topic());
        headers.put("dead-letter-partition", Integer.toString(poison.partition()));
        headers.put("dead-letter-offset", Long.toString(poison.offset()));
        return new OutboxRecord(Topic.deadLetterTopic(poison.topic()), poison.key(), headers, poison.value());
    }
}
