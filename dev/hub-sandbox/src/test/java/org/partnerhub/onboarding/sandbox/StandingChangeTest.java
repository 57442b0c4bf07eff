package org.partnerhub.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class StandingChangeTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

    private static Channel at(Stage stage) {
        return new Channel("ch1CH", "dp1", "cl1CL", "4915100000000", "waba", "app", stage, Standing.ACTIVE, true, T0,
                T0, stage == Stage.LIVE ? T0 : null, null);
    }

    @Test
    void aLiftedRestrictionShowsTheStatusFromBefore() {
        Channel restricted = StandingChange.RESTRICT.apply(at(Stage.LIVE), T1);
        Channel lifted = StandingChange.LIFT_RESTRICTION.apply(restricted, T1);

        assertThat(restricted.status()).isEqualTo("restricted");
        assertThat(restricted.modifiedAt()).isEqualTo(T1);
        assertThat(restricted.acceptsApiKeys()).isTrue();
        assertThat(lifted.status()).isEqualTo("live");
        assertThat(StandingChange.LIFT_RESTRICTION.event()).isEqualTo("channel_live");
    }

    @Test
    void aRevokedCancellationShowsTheStatusFromBeforeAndAProcessedOneEndsTheNumber() {
        Channel pending = StandingChange.REQUEST_CANCELLATION.apply(at(Stage.LIVE), T1);
        Channel cancelled = StandingChange.PROCESS_CANCELLATION.apply(pending, T1);

        assertThat(pending.status()).isEqualTo("pending_deletion");
        assertThat(pending.acceptsApiKeys()).isTrue();
        assertThat(StandingChange.REVOKE_CANCELLATION.apply(pending, T1).status()).isEqualTo("live");
        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.terminatedAt()).isEqualTo(T1);
        assertThat(cancelled.acceptsApiKeys()).isFalse();
        assertThat(cancelled.sharedWith(PaymentMode.DIRECT)).isFalse();
        assertThat(cancelled.sharedWith(PaymentMode.PARTNER)).isFalse();
    }

    @Test
    void aChangeThatDoesNotStartFromTheChannelsStandingIsRefusedWithTheReason() {
        Channel pending = StandingChange.REQUEST_CANCELLATION.apply(at(Stage.LIVE), T1);

        assertThatThrownBy(() -> StandingChange.REVOKE_CANCELLATION.apply(at(Stage.LIVE), T1))
                .isInstanceOf(StandingChange.NotApplicable.class).hasMessageContaining("is live, not pending_deletion");
        assertThatThrownBy(() -> StandingChange.RESTRICT.apply(pending, T1))
                .isInstanceOf(StandingChange.NotApplicable.class).hasMessageContaining("is pending_deletion, not live");
        assertThatThrownBy(() -> StandingChange.PROCESS_CANCELLATION.apply(at(Stage.LIVE), T1))
                .isInstanceOf(StandingChange.NotApplicable.class);
        assertThatThrownBy(() -> StandingChange.LIFT_RESTRICTION.apply(at(Stage.LIVE), T1))
                .isInstanceOf(StandingChange.NotApplicable.class);
    }

    @Test
    void onlyLiveChannelsChange() {
        assertThatThrownBy(() -> StandingChange.RESTRICT.apply(at(Stage.RUNNING), T1))
                .isInstanceOf(StandingChange.NotApplicable.class)
                .hasMessageContaining("still being set up (status: running)");
    }

    @Test
    void eachChangeIsFoundByItsPath() {
        for (StandingChange change : StandingChange.values()) {
            assertThat(StandingChange.at(change.path())).contains(change);
        }
        assertThat(StandingChange.at("cancellation/undo")).isEmpty();
    }
}
