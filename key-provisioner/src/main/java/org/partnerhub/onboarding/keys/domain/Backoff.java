package org.partnerhub.onboarding.keys.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff: the n-th retry waits a random time between half and all of
 * {@code min(maxDelay, initialDelay * 2^(n-1))}, and never less than the server's {@code Retry-After}.
 */
public record Backoff(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("onboarding.keys.retry.max-attempts must be at least 1, not "
                    + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("onboarding.keys.retry delays must satisfy 0 <= initial-delay <= "
                    + "max-delay, not " + initialDelay + " and " + maxDelay);
        }
    }

    /**
     * @param attemptsMade attempts so far, the failed one included
     * @return how long to wait before the next attempt; empty once the attempts are used up
     */
    public Optional<Duration> next(int attemptsMade, Optional<Duration> retryAfter, RandomGenerator random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(delay(attemptsMade, retryAfter, random));
    }

    /** The wait after {@code attemptsMade} attempts, whether or not the attempts are used up. */
    public Duration delay(int attemptsMade, Optional<Duration> retryAfter, RandomGenerator random) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long ceiling = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << doublings);
        long jittered = ceiling / 2 + (ceiling > 1 ? random.nextLong(ceiling - ceiling / 2) : 0);
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter.filter(wait -> wait.compareTo(delay) > 0).orElse(delay);
    }
}
