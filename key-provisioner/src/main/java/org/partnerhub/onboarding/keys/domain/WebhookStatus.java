package org.partnerhub.onboarding.keys.domain;

/** Where setting one key's messaging webhook stands. */
public enum WebhookStatus {
    /** Due at {@code next_attempt_at}. */
    PENDING,
    /** An attempt is calling 360dialog; if its lease runs out, the attempt died and another takes over. */
    CALLING,
    SET,
    /** Permanently refused or out of attempts; reported as {@code messaging-webhook.failed} with permanent. */
    FAILED
}
