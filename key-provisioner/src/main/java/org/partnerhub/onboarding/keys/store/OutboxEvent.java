package org.partnerhub.onboarding.keys.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An event written with the change it reports; the relay publishes it and stamps {@code publishedAt}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    public String type;

    public byte[] payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static OutboxEvent of(Event event, EventCodec codec, Instant now) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = event.topic().defaultName();
        row.recordKey = event.key();
        row.type = event.type();
        row.payload = codec.encode(event);
        row.createdAt = now;
        return row;
    }
}
