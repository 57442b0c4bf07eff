package org.partnerhub.onboarding.keys.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Setting a key's messaging webhook, without I/O: taking a due attempt (a new attempt number fences off the earlier
 * ones), whether an attempt still holds the work when its answer arrives, and what a failure comes to. Retried like a
 * key creation: the same backoff and attempt budget, transient failures again, anything else ends it.
 *
 * @param lease how long a taken attempt is held: the call's bound and the time to record its outcome
 */
public record MessagingWebhookRules(Backoff backoff, Duration lease) {

    /** The work as the rules read it, locked for the transaction that applies their decision. */
    public record State(WebhookStatus status, int attempts, Instant leaseUntil) {

        boolean heldBy(int attempt, Instant now) {
            return status == WebhookStatus.CALLING && attempts == attempt && leaseUntil != null
                    && leaseUntil.isAfter(now);
        }
    }

    public sealed interface Take {

        record Granted(int attempt, Instant leaseUntil) implements Take {
        }

        record GiveUp(String reason) implements Take {
        }
    }

    /** What the answer of a call that set the webhook comes to. */
    public sealed interface AfterSuccess {
    }

    /** What a failed call comes to. */
    public sealed interface AfterFailure {
    }

    public record Set() implements AfterSuccess {
    }

    public record Retry(Instant at, String reason) implements AfterFailure {
    }

    public record GiveUp(String reason) implements AfterFailure {
    }

    /** Another attempt took over (this one's lease ran out): it reports the outcome, this one nothing. */
    public record Fenced(String reason) implements AfterSuccess, AfterFailure {
    }

    /** For due work: PENDING past its time, or CALLING with its lease run out. */
    public Take take(State state, Instant now) {
        if (state.status() == WebhookStatus.CALLING && state.attempts() >= backoff.maxAttempts()) {
            return new Take.GiveUp("gave up after " + state.attempts() + " attempts; the last ended without an outcome");
        }
        return new Take.Granted(state.attempts() + 1, now.plus(lease));
    }

    public AfterSuccess succeeded(State state, int attempt, Instant now) {
        return state.heldBy(attempt, now) ? new Set() : new Fenced(fenceReason(state, attempt));
    }

    public AfterFailure failed(State state, int attempt, AttemptFailure failure, Instant now, RandomGenerator random) {
        if (!state.heldBy(attempt, now)) {
            return new Fenced(fenceReason(state, attempt));
        }
        return switch (failure) {
            case AttemptFailure.Transient transientFailure ->
                    retryOrGiveUp(attempt, transientFailure.reason(), transientFailure.retryAfter(), now, random);
            case AttemptFailure.Unanswered unanswered ->
                    retryOrGiveUp(attempt, unanswered.reason(), Optional.empty(), now, random);
            case AttemptFailure.NotRunningYet notRunning -> new GiveUp(notRunning.reason());
            case AttemptFailure.Permanent permanent -> new GiveUp(permanent.reason());
        };
    }

    private AfterFailure retryOrGiveUp(int attempt, String reason, Optional<Duration> retryAfter, Instant now,
            RandomGenerator random) {
        return backoff.next(attempt, retryAfter, random)
                .<AfterFailure>map(delay -> new Retry(now.plus(delay), reason))
                .orElseGet(() -> new GiveUp("gave up after " + attempt + " attempts: " + reason));
    }

    private static String fenceReason(State state, int attempt) {
        if (state.attempts() != attempt) {
            return "attempt " + state.attempts() + " took over";
        }
        if (state.status() != WebhookStatus.CALLING) {
            return "the webhook is " + state.status();
        }
        return "the lease ran out";
    }
}
