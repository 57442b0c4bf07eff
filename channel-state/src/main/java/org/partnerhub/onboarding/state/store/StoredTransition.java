package org.partnerhub.onboarding.state.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.partnerhub.onboarding.state.fold.HistoryEntry;

/** A row of {@code channel_history} as the query API reads it. Written only by {@link ProjectionStore}. */
@Entity
@Immutable
@Table(name = "channel_history")
public class StoredTransition {

    /** Insertion order, which is the order the channel's transitions were folded in. */
    @Id
    public long id;

    @Column(name = "channel_id")
    public String channelId;

    public long version;

    public String kind;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    @Column(name = "event_id")
    public String eventId;

    public String source;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public HistoryEntry toEntry() {
        return new HistoryEntry(channelId, version, kind, fromValue, toValue, eventId, source, occurredAt);
    }
}
