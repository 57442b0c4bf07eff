package org.partnerhub.onboarding.hubapi;

import java.time.Duration;
import java.util.Optional;

/** Worth trying again later: 5xx, 408, 409, 429, a timeout or a failed connection. */
public final class TransientHubApiException extends HubApiException {

    private final transient Duration retryAfter;

    TransientHubApiException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, status, cause);
        this.retryAfter = retryAfter;
    }

    /** How long 360dialog asked us to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
