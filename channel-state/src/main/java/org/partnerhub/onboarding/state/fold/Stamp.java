package org.partnerhub.onboarding.state.fold;

import java.time.Instant;
import java.util.Comparator;

/**
 * When the fact that set a part of a channel happened, and its event id: what decides whether another fact about that
 * part is newer. The id breaks ties between facts of the same instant, so that the order is defined by the facts
 * alone and not by when they arrive.
 */
public record Stamp(Instant at, String eventId) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::at)
            .thenComparing(Stamp::eventId, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    public static Stamp of(Fact fact) {
        return new Stamp(fact.occurredAt(), fact.eventId());
    }

    /** As stored: absent without a time (a part no fact has set yet). */
    public static Stamp of(Instant at, String eventId) {
        return at == null ? null : new Stamp(at, eventId);
    }

    /** Whether this is newer than {@code current}; anything is newer than no stamp. */
    public boolean after(Stamp current) {
        return current == null || compareTo(current) > 0;
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }

    public static Instant timeOf(Stamp stamp) {
        return stamp == null ? null : stamp.at();
    }

    public static String eventIdOf(Stamp stamp) {
        return stamp == null ? null : stamp.eventId();
    }
}
