package org.partnerhub.onboarding.keys.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.TransientHubApiException;

/** Why an attempt did not produce a key, in the terms the claim rules act on. */
public sealed interface AttemptFailure {

    /** 360dialog's words for a channel it does not yet see as running; undocumented, so matched loosely. */
    Pattern NOT_RUNNING = Pattern.compile("(?i)\\bnot\\b[^()]{0,40}\\brunning\\b");

    String reason();

    /** Worth trying again: 5xx, 408, 409, 429, a failed connection or no slot in time, nothing created. */
    record Transient(String reason, Optional<Duration> retryAfter) implements AttemptFailure {
    }

    /**
     * A creation was sent and its answer never came back: 360dialog may hold a key nobody stored. The next creation
     * revokes it; until then the outcome is ambiguous, so the next attempt waits longer for its answer.
     */
    record Unanswered(String reason) implements AttemptFailure {
    }

    /** A 400 saying the channel is not running yet: 360dialog lags behind the webhook that said it was. */
    record NotRunningYet(String reason) implements AttemptFailure {
    }

    record Permanent(String reason) implements AttemptFailure {
    }

    /**
     * @param creationSent whether the failed call was a key creation that had been sent (admitted by the fence)
     */
    public static AttemptFailure of(HubApiException failure, boolean creationSent) {
        String reason = failure.getMessage();
        if (failure instanceof TransientHubApiException transientFailure) {
            return creationSent && failure.status().isEmpty()
                    ? new Unanswered(reason)
                    : new Transient(reason, transientFailure.retryAfter());
        }
        if (failure.status().orElse(0) == 400 && NOT_RUNNING.matcher(reason).find()) {
            return new NotRunningYet(reason);
        }
        return new Permanent(reason);
    }
}
