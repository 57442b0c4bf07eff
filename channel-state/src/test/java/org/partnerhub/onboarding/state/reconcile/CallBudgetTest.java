package org.partnerhub.onboarding.state.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void atMostTheBudgetPerHubInAnyMinute() {
        CallBudget budget = new CallBudget(2);

        assertThat(budget.take("main", T)).isTrue();
        assertThat(budget.take("main", T.plusSeconds(20))).isTrue();
        assertThat(budget.take("main", T.plusSeconds(40))).as("two in the last minute").isFalse();
        assertThat(budget.take("other", T.plusSeconds(40))).as("each hub its own").isTrue();
        assertThat(budget.take("main", T.plusSeconds(60))).as("the first left the window").isTrue();
        assertThat(budget.take("main", T.plusSeconds(79))).isFalse();
        assertThat(budget.take("main", T.plusSeconds(80))).isTrue();
    }

    @Test
    void aBudgetBelowOneIsRefusedWithTheKeyToFix() {
        assertThatThrownBy(() -> new CallBudget(0)).hasMessageContaining(
                "onboarding.reconcile.permissions.calls-per-minute");
    }
}
