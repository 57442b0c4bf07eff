package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

/**
 * One line of a channel's append-only history.
 *
 * @param kind what happened: a transition ({@code channel.created}, {@code channel.status-changed}, ...) or
 *     {@code stale-status}, a status older than the channel's, kept for the record without moving the channel back
 * @param version the channel's version after the entry; a stale status leaves it unchanged
 */
public record HistoryEntry(
        String channelId, long version, String kind, String fromValue, String toValue, String eventId, String source,
        Instant occurredAt) {

    public static final String STALE_STATUS = "stale-status";
}
