package org.partnerhub.onboarding.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenEventsTest {

    @Test
    void anIdIsNewOnlyTheFirstTime() {
        SeenEvents seen = new SeenEvents(10);

        assertThat(seen.firstTime("a")).isTrue();
        assertThat(seen.firstTime("b")).isTrue();
        assertThat(seen.firstTime("a")).isFalse();
    }

    @Test
    void theLeastRecentlySeenIdIsForgottenBeyondCapacity() {
        SeenEvents seen = new SeenEvents(2);
        seen.firstTime("a");
        seen.firstTime("b");
        seen.firstTime("a");
        seen.firstTime("c");

        assertThat(seen.firstTime("a")).as("seen recently, kept").isFalse();
        assertThat(seen.firstTime("b")).as("least recently seen, forgotten").isTrue();
    }
}
