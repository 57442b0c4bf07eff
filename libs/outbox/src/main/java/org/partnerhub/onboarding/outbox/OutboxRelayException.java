package org.partnerhub.onboarding.outbox;

/** Kafka did not acknowledge an outbox record in time; it stays in the outbox for the next run. */
public class OutboxRelayException extends RuntimeException {

    OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
