package org.partnerhub.onboarding.state.console;

import java.time.Instant;
import java.util.List;

import org.partnerhub.onboarding.state.fold.HistoryEntry;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a channel's timeline: a history entry and, for a note that left the channel as it was, why.
 *
 * @param mark null for a change the channel took on
 */
public record TimelineEntry(long version, String kind, String fromValue, String toValue, String eventId,
        String source, Instant occurredAt, Mark mark) {

    /** Why an observation changed nothing. */
    public enum Mark {
        /** Older than what the channel already shows. */
        @JsonProperty("stale")
        STALE,
        /** Names another client or tenant than the channel's: it never counts. */
        @JsonProperty("conflict")
        CONFLICT,
        /** A permission fact waiting for 360dialog to report the channel under its client. */
        @JsonProperty("pending")
        PENDING,
        /** Held text PostgreSQL cannot store, replaced by U+FFFD. */
        @JsonProperty("normalised")
        NORMALISED
    }

    public static List<TimelineEntry> of(List<HistoryEntry> history) {
        return history.stream().map(entry -> new TimelineEntry(entry.version(), entry.kind(), entry.fromValue(),
                entry.toValue(), entry.eventId(), entry.source(), entry.occurredAt(), mark(entry.kind()))).toList();
    }

    private static Mark mark(String kind) {
        return switch (kind) {
            case HistoryEntry.STALE_STATUS -> Mark.STALE;
            case HistoryEntry.CLIENT_CONFLICT, HistoryEntry.TENANT_CONFLICT -> Mark.CONFLICT;
            case HistoryEntry.PERMISSION_PENDING -> Mark.PENDING;
            case HistoryEntry.TEXT_NORMALISED -> Mark.NORMALISED;
            default -> null;
        };
    }
}
