package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookRules.AfterFailure;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookRules.AfterSuccess;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookRules.State;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookRules.Take;

class MessagingWebhookRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final RandomGenerator NO_JITTER = NoJitter.NO_JITTER;
    private static final MessagingWebhookRules RULES = new MessagingWebhookRules(
            new Backoff(3, Duration.ofSeconds(2), Duration.ofMinutes(5)), Duration.ofSeconds(20));

    /** The given attempt, holding its lease until NOW + 1 s. */
    private static State calling(int attempt) {
        return new State(WebhookStatus.CALLING, attempt, NOW.plusSeconds(1));
    }

    static Stream<Arguments> takes() {
        return Stream.of(
                Arguments.of("pending work gets the next attempt number and a lease",
                        new State(WebhookStatus.PENDING, 0, null), new Take.Granted(1, NOW.plusSeconds(20))),
                Arguments.of("a dead attempt's work is taken over while the budget lasts",
                        new State(WebhookStatus.CALLING, 2, NOW.minusSeconds(1)),
                        new Take.Granted(3, NOW.plusSeconds(20))),
                Arguments.of("attempts that keep dying end it",
                        new State(WebhookStatus.CALLING, 3, NOW.minusSeconds(1)),
                        new Take.GiveUp("gave up after 3 attempts; the last ended without an outcome")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takes")
    void take(String rule, State state, Take expected) {
        assertThat(RULES.take(state, NOW)).isEqualTo(expected);
    }

    static Stream<Arguments> successes() {
        return Stream.of(
                Arguments.of("the holder records it", calling(2), 2, new MessagingWebhookRules.Set()),
                Arguments.of("a later attempt took over", calling(3), 2,
                        new MessagingWebhookRules.Fenced("attempt 3 took over")),
                Arguments.of("the lease ran out", new State(WebhookStatus.CALLING, 2, NOW), 2,
                        new MessagingWebhookRules.Fenced("the lease ran out")),
                Arguments.of("another attempt recorded it already", new State(WebhookStatus.SET, 2, null), 2,
                        new MessagingWebhookRules.Fenced("the webhook is SET")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void success(String rule, State state, int attempt, AfterSuccess expected) {
        assertThat(RULES.succeeded(state, attempt, NOW)).isEqualTo(expected);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a 503 is retried with backoff", calling(2), 2,
                        new AttemptFailure.Transient("HTTP 503", Optional.empty()),
                        new MessagingWebhookRules.Retry(NOW.plusSeconds(2), "HTTP 503")),
                Arguments.of("a longer Retry-After wins", calling(1), 1,
                        new AttemptFailure.Transient("HTTP 429", Optional.of(Duration.ofSeconds(30))),
                        new MessagingWebhookRules.Retry(NOW.plusSeconds(30), "HTTP 429")),
                Arguments.of("the last attempt's transient failure ends it", calling(3), 3,
                        new AttemptFailure.Transient("HTTP 503", Optional.empty()),
                        new MessagingWebhookRules.GiveUp("gave up after 3 attempts: HTTP 503")),
                Arguments.of("a 401 (not the live key) ends it at once", calling(1), 1,
                        new AttemptFailure.Permanent("set messaging webhook: HTTP 401"),
                        new MessagingWebhookRules.GiveUp("set messaging webhook: HTTP 401")),
                Arguments.of("a 400 ends it at once, whatever it says", calling(1), 1,
                        new AttemptFailure.NotRunningYet("HTTP 400 (channel not running)"),
                        new MessagingWebhookRules.GiveUp("HTTP 400 (channel not running)")),
                Arguments.of("a fenced-out attempt records nothing", calling(3), 2,
                        new AttemptFailure.Permanent("HTTP 401"),
                        new MessagingWebhookRules.Fenced("attempt 3 took over")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failure(String rule, State state, int attempt, AttemptFailure failure, AfterFailure expected) {
        assertThat(RULES.failed(state, attempt, failure, NOW, NO_JITTER)).isEqualTo(expected);
    }
}
