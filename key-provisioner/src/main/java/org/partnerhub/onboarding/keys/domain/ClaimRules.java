package org.partnerhub.onboarding.keys.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The claim's state machine, without I/O: when an attempt may take a claim, whether it still holds it at each step
 * (the fence), how long a key creation may take, when the creation budget makes the claim wait, what a key arriving
 * late or after a revocation comes to, and when a failure is retried or ends the claim. {@code ClaimLedger} reads the
 * claim row under a row lock, asks these rules, and writes what they decided.
 *
 * @param lease how long a taken claim is held before its creation is admitted: listing keys, waiting for a Partner
 *     API slot and any re-login must fit in it
 * @param callTimeout the bound of a Partner API call ({@code onboarding.hub-api.timeout}); the first creation's
 *     timeout, and the room left after a creation's timeout to record its result
 * @param timeoutCeiling the longest a creation may be given ({@code onboarding.hub-api.timeout-ceiling})
 * @param creationsPerWindow key creations one claim may send within {@code creationWindow}, not counting those
 *     360dialog answered with an error (they created no key)
 * @param notRunningGrace how long 360dialog may keep saying "not running" before that is final
 */
public record ClaimRules(Backoff backoff, Duration lease, Duration callTimeout, Duration timeoutCeiling,
        int creationsPerWindow, Duration creationWindow, Duration notRunningGrace) {

    public ClaimRules {
        if (creationsPerWindow < 1) {
            throw new IllegalArgumentException(
                    "onboarding.keys.creation-budget.creations must be at least 1, not " + creationsPerWindow);
        }
        if (timeoutCeiling.compareTo(callTimeout) < 0) {
            throw new IllegalArgumentException("onboarding.hub-api.timeout-ceiling (" + timeoutCeiling
                    + ") must not be shorter than onboarding.hub-api.timeout (" + callTimeout + ")");
        }
    }

    /** Taking a due claim: a new attempt number fences off every earlier attempt. */
    public sealed interface Take {

        record Granted(int attempt, Instant leaseUntil) implements Take {
        }

        record GiveUp(String reason) implements Take {
        }
    }

    /** The fence before {@code POST .../api_keys}, asked once the call holds a Partner API slot. */
    public sealed interface Admission {

        /** Send it, bounded by {@code timeout}; the lease is renewed to cover the call and recording its result. */
        record Create(Duration timeout, Instant leaseUntil, Instant windowStartedAt, int creationsInWindow)
                implements Admission {
        }

        /** Another attempt owns the claim, it was revoked, or this attempt's lease ran out: send nothing. */
        record Fenced(String reason) implements Admission {
        }

        /** The creation budget is spent: the claim waits until the window ends. */
        record Wait(Instant until, String reason) implements Admission {
        }
    }

    /** What a created key comes to when its answer arrives. */
    public sealed interface Arrival {

        /** The attempt still holds the claim: the key is stored and handed out. */
        record Store() implements Arrival {
        }

        /**
         * The permission was revoked or the channel cancelled meanwhile: stored withdrawn, never handed out, deleted if
         * configured.
         */
        record Withdraw() implements Arrival {
        }

        /** A fenced-out attempt's key: never stored; the owning attempt's creation revokes it at 360dialog. */
        record Discard(String reason) implements Arrival {
        }
    }

    /** What a failed attempt comes to; the counters are written back either way. */
    public sealed interface AfterFailure {

        record Retry(Instant at, String reason, Counters counters) implements AfterFailure {
        }

        record GiveUp(String reason, Counters counters) implements AfterFailure {
        }

        record Fenced(String reason) implements AfterFailure {
        }
    }

    /**
     * The claim's counters after a failure.
     *
     * @param creationsInWindow creations in the budget's window that may have created a key: a creation 360dialog
     *     answered with an error created none and is not counted
     */
    public record Counters(int creationsInWindow, int unansweredCreations, Instant notRunningSince) {
    }

    /** For a claim that is due: PENDING or WAITING past its time, or CALLING with its lease run out. */
    public Take take(ClaimState claim, Instant now) {
        if (claim.status() == ClaimStatus.CALLING && claim.attemptsSinceRetry() >= backoff.maxAttempts()) {
            // Attempts that keep dying (a crash loop) must not go on for ever either.
            return new Take.GiveUp("gave up after " + claim.attempts() + " attempts; the last ended without an outcome");
        }
        return new Take.Granted(claim.attempts() + 1, now.plus(lease));
    }

    public Admission admit(ClaimState claim, int attempt, Instant now) {
        if (!claim.heldBy(attempt, now)) {
            return new Admission.Fenced(fenceReason(claim, attempt));
        }
        boolean windowOpen = claim.windowStartedAt() != null
                && now.isBefore(claim.windowStartedAt().plus(creationWindow));
        Instant windowStart = windowOpen ? claim.windowStartedAt() : now;
        int used = windowOpen ? claim.creationsInWindow() : 0;
        if (used >= creationsPerWindow) {
            Instant until = windowStart.plus(creationWindow);
            return new Admission.Wait(until, "waiting for the creation budget: " + used + " key creations within "
                    + creationWindow + " already; the next at " + until);
        }
        Duration timeout = creationTimeout(claim.unansweredCreations());
        return new Admission.Create(timeout, now.plus(timeout).plus(callTimeout), windowStart, used + 1);
    }

    /** The hub-api timeout, doubled for each creation whose answer never came back, up to the ceiling. */
    public Duration creationTimeout(int unansweredCreations) {
        Duration timeout = callTimeout;
        for (int i = 0; i < unansweredCreations && timeout.compareTo(timeoutCeiling) < 0; i++) {
            timeout = timeout.multipliedBy(2);
        }
        return timeout.compareTo(timeoutCeiling) > 0 ? timeoutCeiling : timeout;
    }

    /** Withdrawal (revocation, cancellation) wins over any attempt, fenced or not; otherwise only the holder stores. */
    public Arrival keyArrived(ClaimState claim, int attempt, Instant now) {
        if (claim.status() == ClaimStatus.REVOKED) {
            return new Arrival.Withdraw();
        }
        if (claim.heldBy(attempt, now)) {
            return new Arrival.Store();
        }
        return new Arrival.Discard(fenceReason(claim, attempt));
    }

    /**
     * @param creationAnswered whether the attempt's creation was sent and 360dialog answered it (with an error)
     */
    public AfterFailure failed(ClaimState claim, int attempt, AttemptFailure failure, boolean creationAnswered,
            Instant now, RandomGenerator random) {
        if (!claim.heldBy(attempt, now)) {
            return new AfterFailure.Fenced(fenceReason(claim, attempt));
        }
        Counters counters = new Counters(
                creationAnswered ? Math.max(0, claim.creationsInWindow() - 1) : claim.creationsInWindow(),
                claim.unansweredCreations() + (failure instanceof AttemptFailure.Unanswered ? 1 : 0),
                failure instanceof AttemptFailure.NotRunningYet
                        ? Optional.ofNullable(claim.notRunningSince()).orElse(now)
                        : null);
        int made = claim.attemptsSinceRetry();
        return switch (failure) {
            case AttemptFailure.Permanent permanent -> new AfterFailure.GiveUp(permanent.reason(), counters);
            case AttemptFailure.NotRunningYet notRunning ->
                    now.isBefore(counters.notRunningSince().plus(notRunningGrace))
                            // Within the grace the attempt budget does not apply: 360dialog is expected to catch up.
                            ? new AfterFailure.Retry(now.plus(backoff.delay(made, Optional.empty(), random)),
                                    notRunning.reason(), counters)
                            : new AfterFailure.GiveUp(notRunning.reason() + "; still not running after "
                                    + notRunningGrace, counters);
            case AttemptFailure.Transient transientFailure -> retryOrGiveUp(made, transientFailure.reason(),
                    transientFailure.retryAfter(), now, random, counters);
            case AttemptFailure.Unanswered lost ->
                    retryOrGiveUp(made, lost.reason(), Optional.empty(), now, random, counters);
        };
    }

    private AfterFailure retryOrGiveUp(int made, String reason, Optional<Duration> retryAfter, Instant now,
            RandomGenerator random, Counters counters) {
        return backoff.next(made, retryAfter, random)
                .<AfterFailure>map(delay -> new AfterFailure.Retry(now.plus(delay), reason, counters))
                .orElseGet(() -> new AfterFailure.GiveUp("gave up after " + made + " attempts: " + reason, counters));
    }

    private static String fenceReason(ClaimState claim, int attempt) {
        if (claim.status() == ClaimStatus.REVOKED) {
            return "the key was withdrawn";
        }
        if (claim.attempts() != attempt) {
            return "attempt " + claim.attempts() + " took the claim over";
        }
        if (claim.status() != ClaimStatus.CALLING) {
            return "the claim is " + claim.status();
        }
        return "the lease ran out";
    }
}
