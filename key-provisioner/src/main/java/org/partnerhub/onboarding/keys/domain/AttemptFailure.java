package org.partnerhub.onboarding.keys.domain;

import java.time.Duration;
import java.util.Optional;

import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.TransientHubApiException;

/** Why an attempt did not produce a key, and whether trying again can help. */
public record AttemptFailure(String reason, boolean retryable, Optional<Duration> retryAfter) {

    public static AttemptFailure of(HubApiException failure) {
        return failure instanceof TransientHubApiException transientFailure
                ? new AttemptFailure(failure.getMessage(), true, transientFailure.retryAfter())
                : new AttemptFailure(failure.getMessage(), false, Optional.empty());
    }

    public static AttemptFailure permanent(String reason) {
        return new AttemptFailure(reason, false, Optional.empty());
    }
}
