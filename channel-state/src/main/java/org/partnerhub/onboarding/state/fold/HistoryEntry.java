package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

/**
 * One line of a channel's append-only history.
 *
 * @param kind what happened: a transition ({@code channel.created}, {@code channel.status-changed}, ...), or a note
 *     that leaves the channel as it is: {@code stale-status} (an observation older than the one that set the
 *     channel's status, or a status this service does not know),
 *     {@code permission-pending} (a permission fact waiting for 360dialog to report the channel under its client),
 *     {@code client-conflict} (360dialog reports the channel under another client than a permission fact names),
 *     {@code tenant-conflict} (a fact carrying another tenant than the one the channel is bound to),
 *     {@code text-normalised} (a fact's text held characters PostgreSQL cannot store, replaced by U+FFFD)
 * @param version the channel's version after the entry; a note leaves it unchanged
 * @param eventId the fact the entry is about; for a note about a permission fact, that fact's, not the one that
 *     revealed the conflict
 */
public record HistoryEntry(
        String channelId, long version, String kind, String fromValue, String toValue, String eventId, String source,
        Instant occurredAt) {

    public static final String STALE_STATUS = "stale-status";
    public static final String PERMISSION_PENDING = "permission-pending";
    public static final String CLIENT_CONFLICT = "client-conflict";
    public static final String TENANT_CONFLICT = "tenant-conflict";
    public static final String TEXT_NORMALISED = "text-normalised";
}
