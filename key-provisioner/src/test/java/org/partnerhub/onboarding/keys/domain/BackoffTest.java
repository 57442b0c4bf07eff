package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(2), Duration.ofSeconds(10));
    private final Random random = new Random(42);

    @Test
    void doublesWithJitterUpToTheMaximum() {
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.next(1, Optional.empty(), random)).get()
                    .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
            assertThat(backoff.next(2, Optional.empty(), random)).get()
                    .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4)));
            assertThat(backoff.next(4, Optional.empty(), random)).get()
                    .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        }
    }

    @Test
    void waitsAtLeastAsLongAsTheServerAsked() {
        assertThat(backoff.next(1, Optional.of(Duration.ofSeconds(30)), random)).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void stopsWhenTheAttemptsAreUsedUp() {
        assertThat(backoff.next(5, Optional.of(Duration.ofSeconds(1)), random)).isEmpty();
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .hasMessageContaining("initial-delay");
    }
}
