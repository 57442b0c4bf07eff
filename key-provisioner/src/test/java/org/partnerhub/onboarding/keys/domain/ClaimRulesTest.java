package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.keys.domain.ClaimRules.AfterFailure;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Admission;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Arrival;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Counters;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Take;

class ClaimRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final RandomGenerator NO_JITTER = NoJitter.NO_JITTER;
    private static final ClaimRules RULES = new ClaimRules(new Backoff(3, Duration.ofSeconds(2), Duration.ofMinutes(5)),
            Duration.ofSeconds(3), SECOND, Duration.ofSeconds(10), 2, Duration.ofHours(1), Duration.ofMinutes(10));

    /** Attempt 4 of a claim, taken after one operator retry at attempt 2, holding a lease until NOW + 1 s. */
    private static ClaimState calling() {
        return new ClaimState(ClaimStatus.CALLING, 4, 2, NOW.plus(SECOND), null, 0, 0, null);
    }

    private static ClaimState with(ClaimStatus status, int attempts, Instant leaseUntil) {
        return new ClaimState(status, attempts, 2, leaseUntil, null, 0, 0, null);
    }

    static Stream<Arguments> takes() {
        return Stream.of(
                Arguments.of("a pending claim gets the next attempt number and a lease",
                        with(ClaimStatus.PENDING, 0, null), new Take.Granted(1, NOW.plusSeconds(3))),
                Arguments.of("a waiting claim whose window ended is taken like a pending one",
                        with(ClaimStatus.WAITING, 3, null), new Take.Granted(4, NOW.plusSeconds(3))),
                Arguments.of("a dead attempt's claim is taken over while the budget lasts",
                        with(ClaimStatus.CALLING, 4, NOW.minusSeconds(1)), new Take.Granted(5, NOW.plusSeconds(3))),
                Arguments.of("attempts that keep dying end the claim",
                        with(ClaimStatus.CALLING, 5, NOW.minusSeconds(1)),
                        new Take.GiveUp("gave up after 5 attempts; the last ended without an outcome")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takes")
    void take(String rule, ClaimState claim, Take expected) {
        assertThat(RULES.take(claim, NOW)).isEqualTo(expected);
    }

    static Stream<Arguments> admissions() {
        Instant windowStart = NOW.minus(Duration.ofMinutes(30));
        return Stream.of(
                Arguments.of("the holder creates with the call timeout, its lease renewed for the call and the record",
                        calling(), 4, new Admission.Create(SECOND, NOW.plusSeconds(2), NOW, 1)),
                Arguments.of("each unanswered creation doubles the next one's timeout",
                        new ClaimState(ClaimStatus.CALLING, 4, 2, NOW.plus(SECOND), windowStart, 1, 2, null), 4,
                        new Admission.Create(Duration.ofSeconds(4), NOW.plusSeconds(5), windowStart, 2)),
                Arguments.of("up to the ceiling",
                        new ClaimState(ClaimStatus.CALLING, 4, 2, NOW.plus(SECOND), null, 0, 9, null), 4,
                        new Admission.Create(Duration.ofSeconds(10), NOW.plusSeconds(11), NOW, 1)),
                Arguments.of("a spent budget makes the claim wait for its window to end",
                        new ClaimState(ClaimStatus.CALLING, 4, 2, NOW.plus(SECOND), windowStart, 2, 2, null), 4,
                        new Admission.Wait(windowStart.plus(Duration.ofHours(1)), "waiting for the creation budget: "
                                + "2 key creations within PT1H already; the next at 2026-11-30T10:30:00Z")),
                Arguments.of("a window that ended starts a new one",
                        new ClaimState(ClaimStatus.CALLING, 4, 2, NOW.plus(SECOND), NOW.minus(Duration.ofHours(2)), 2,
                                0, null), 4,
                        new Admission.Create(SECOND, NOW.plusSeconds(2), NOW, 1)),
                Arguments.of("a stale attempt is fenced off", calling(), 3,
                        new Admission.Fenced("attempt 4 took the claim over")),
                Arguments.of("an attempt whose lease ran out (waiting for a slot) sends nothing",
                        with(ClaimStatus.CALLING, 4, NOW), 4, new Admission.Fenced("the lease ran out")),
                Arguments.of("a revoked claim creates nothing", with(ClaimStatus.REVOKED, 4, null), 4,
                        new Admission.Fenced("the key was withdrawn")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("admissions")
    void admit(String rule, ClaimState claim, int attempt, Admission expected) {
        assertThat(RULES.admit(claim, attempt, NOW)).isEqualTo(expected);
    }

    static Stream<Arguments> arrivals() {
        return Stream.of(
                Arguments.of("the holder stores its key", calling(), 4, new Arrival.Store()),
                Arguments.of("revocation wins over the holder", with(ClaimStatus.REVOKED, 4, null), 4,
                        new Arrival.Withdraw()),
                Arguments.of("revocation wins over a fenced-out attempt too", with(ClaimStatus.REVOKED, 5, null), 4,
                        new Arrival.Withdraw()),
                Arguments.of("a fenced-out attempt's key is not stored", calling(), 3,
                        new Arrival.Discard("attempt 4 took the claim over")),
                Arguments.of("nor one that arrives after its lease", with(ClaimStatus.CALLING, 4, NOW.minusMillis(1)),
                        4, new Arrival.Discard("the lease ran out")),
                Arguments.of("nor one for a claim that failed meanwhile", with(ClaimStatus.FAILED, 4, null), 4,
                        new Arrival.Discard("the claim is FAILED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrivals")
    void keyArrived(String rule, ClaimState claim, int attempt, Arrival expected) {
        assertThat(RULES.keyArrived(claim, attempt, NOW)).isEqualTo(expected);
    }

    static Stream<Arguments> failures() {
        ClaimState windowUsed = new ClaimState(ClaimStatus.CALLING, 4, 2, NOW.plus(SECOND), NOW, 1, 0, null);
        ClaimState lastAttempt = new ClaimState(ClaimStatus.CALLING, 5, 2, NOW.plus(SECOND), NOW, 1, 0, null);
        Instant lagSince = NOW.minus(Duration.ofMinutes(3));
        ClaimState lagging = new ClaimState(ClaimStatus.CALLING, 5, 2, NOW.plus(SECOND), NOW, 1, 0, lagSince);
        return Stream.of(
                Arguments.of("a transient failure backs off exponentially", windowUsed,
                        new AttemptFailure.Transient("HTTP 503", Optional.empty()), true,
                        new AfterFailure.Retry(NOW.plusSeconds(2), "HTTP 503", new Counters(0, 0, null))),
                Arguments.of("Retry-After wins over a shorter backoff", windowUsed,
                        new AttemptFailure.Transient("HTTP 429", Optional.of(Duration.ofSeconds(30))), true,
                        new AfterFailure.Retry(NOW.plusSeconds(30), "HTTP 429", new Counters(0, 0, null))),
                Arguments.of("a lost answer is ambiguous: counted, and the creation stays in the budget", windowUsed,
                        new AttemptFailure.Unanswered("timed out"), false,
                        new AfterFailure.Retry(NOW.plusSeconds(2), "timed out", new Counters(1, 1, null))),
                Arguments.of("the attempt budget ends the claim", lastAttempt,
                        new AttemptFailure.Transient("HTTP 503", Optional.empty()), true,
                        new AfterFailure.GiveUp("gave up after 3 attempts: HTTP 503", new Counters(0, 0, null))),
                Arguments.of("a permanent failure ends the claim at once", windowUsed,
                        new AttemptFailure.Permanent("HTTP 403"), true,
                        new AfterFailure.GiveUp("HTTP 403", new Counters(0, 0, null))),
                Arguments.of("not running yet is retried past the attempt budget within the grace", lastAttempt,
                        new AttemptFailure.NotRunningYet("HTTP 400 (channel not running)"), true,
                        new AfterFailure.Retry(NOW.plusSeconds(4), "HTTP 400 (channel not running)",
                                new Counters(0, 0, NOW))),
                Arguments.of("the grace counts from the first such answer", lagging,
                        new AttemptFailure.NotRunningYet("HTTP 400 (channel not running)"), true,
                        new AfterFailure.Retry(NOW.plusSeconds(4), "HTTP 400 (channel not running)",
                                new Counters(0, 0, lagSince))),
                Arguments.of("after the grace it is permanent",
                        new ClaimState(ClaimStatus.CALLING, 5, 2, NOW.plus(SECOND), NOW, 1, 0,
                                NOW.minus(Duration.ofMinutes(10))),
                        new AttemptFailure.NotRunningYet("HTTP 400 (channel not running)"), true,
                        new AfterFailure.GiveUp("HTTP 400 (channel not running); still not running after PT10M",
                                new Counters(0, 0, NOW.minus(Duration.ofMinutes(10))))),
                Arguments.of("a fenced-out attempt records nothing", with(ClaimStatus.CALLING, 6, NOW.plusSeconds(1)),
                        new AttemptFailure.Permanent("HTTP 403"), true,
                        new AfterFailure.Fenced("attempt 6 took the claim over")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failed(String rule, ClaimState claim, AttemptFailure failure, boolean creationAnswered,
            AfterFailure expected) {
        int attempt = claim.attempts() == 6 ? 5 : claim.attempts();
        assertThat(RULES.failed(claim, attempt, failure, creationAnswered, NOW, NO_JITTER)).isEqualTo(expected);
    }

    @Test
    void a400SaysNotRunningOnlyWhenItsMessageDoesSo() {
        assertThat(AttemptFailure.NOT_RUNNING.matcher("create API key: HTTP 400 (Channel is not running yet)").find())
                .isTrue();
        assertThat(AttemptFailure.NOT_RUNNING.matcher("create API key: HTTP 400 (channel not in running state)")
                .find()).isTrue();
        assertThat(AttemptFailure.NOT_RUNNING.matcher("create API key: HTTP 400 (invalid channel id)").find())
                .isFalse();
    }
}
