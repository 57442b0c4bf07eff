package org.partnerhub.onboarding.keys.domain;

import java.util.List;

/** What an operator's retry of a channel's claim came to: only a FAILED claim is retried. */
public sealed interface RetryOutcome {

    /** @param previousError why the claim had failed; it stays on the claim until the next attempt's outcome */
    record Retried(String previousError) implements RetryOutcome {
    }

    record NoClaim() implements RetryOutcome {
    }

    record Refused(ClaimStatus status) implements RetryOutcome {

        public String reason() {
            return "the claim is " + status + ": " + switch (status) {
                case PENDING, CALLING -> "an attempt is in progress or due";
                case WAITING -> "it waits for the channel's creation budget; an attempt is due when it refills";
                case PROVISIONED -> "the key is already provisioned";
                case REVOKED ->
                        "the key was withdrawn (permission revoked or channel cancelled); the next grant takes a new claim";
                // It was not FAILED when the retry looked, only when it read the claim back.
                case FAILED -> "it failed just now; send the retry again";
            };
        }
    }

    /** @param statuses the statuses of the channel's claims, newest first, none of them changed by the retry */
    static RetryOutcome notRetried(List<ClaimStatus> statuses) {
        // The current permission's claim is the one that is not REVOKED; revoked ones only matter without it.
        return statuses.stream().filter(status -> status != ClaimStatus.REVOKED).findFirst()
                .or(() -> statuses.stream().findFirst())
                .<RetryOutcome>map(Refused::new)
                .orElseGet(NoClaim::new);
    }
}
