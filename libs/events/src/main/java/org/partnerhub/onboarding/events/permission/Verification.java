package org.partnerhub.onboarding.events.permission;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether 360dialog itself confirmed, when the redirect came back, that a channel belongs to the redirect's client.
 * The redirect's ids are user input: only a confirmed fact may change a channel at once; a pending one waits until
 * 360dialog (a signed webhook or a Partner API read) reports the channel under that client.
 */
public enum Verification {
    /** The Partner API listed the channel under the client when the redirect was accepted. */
    @JsonProperty("confirmed")
    CONFIRMED,
    /**
     * The Partner API did not list the channel yet (360dialog may lag right after sign-up). Also what an event
     * without the field means: a fact nobody verified is not trusted.
     */
    @JsonProperty("pending")
    PENDING;

    /** Absent on events written before the field existed: those count as unverified. */
    public static Verification orPending(Verification verification) {
        return verification == null ? PENDING : verification;
    }
}
