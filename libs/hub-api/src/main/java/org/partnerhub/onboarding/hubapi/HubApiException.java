package org.partnerhub.onboarding.hubapi;

import java.util.OptionalInt;

/**
 * A Partner API call that did not succeed. Messages name the operation, the HTTP status and 360dialog's developer
 * message, never a credential or a channel's key.
 */
public abstract sealed class HubApiException extends RuntimeException
        permits TransientHubApiException, PermanentHubApiException {

    private final int status;

    HubApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status 360dialog answered with; empty when there was no answer (timeout, connection). */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
