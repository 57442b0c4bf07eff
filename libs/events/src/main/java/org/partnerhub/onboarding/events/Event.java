package org.partnerhub.onboarding.events;

import java.time.Instant;

/**
 * One fact published on one topic. Implementations are records whose components are the JSON payload; the
 * CloudEvents attributes below are derived methods, so they never leak into the payload.
 */
public interface Event {

    /** The Partner Hub the fact belongs to; every event carries it. */
    String hubId();

    Topic topic();

    /** The Kafka record key: channel id for channel facts, client id for client facts. */
    String key();

    /** The CloudEvents {@code type}; versioned by name, a breaking change is a new type. */
    String type();

    /** The CloudEvents {@code subject}: the channel or client id. */
    String subject();

    Instant occurredAt();

    /** The CloudEvents {@code id}: derived from what identifies the fact, so a repeated fact repeats its id. */
    String id();
}
