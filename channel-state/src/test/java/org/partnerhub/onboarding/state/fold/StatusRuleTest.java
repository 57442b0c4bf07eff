package org.partnerhub.onboarding.state.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.state.fold.Facts.at;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.state.fold.StatusRule.StageEvent;

class StatusRuleTest {

    private static final Stamp EARLIER = new Stamp(at(1), "e9");
    private static final Stamp LATER = new Stamp(at(2), "e1");

    @Test
    void theLaterObservationStandsWhateverTheStatus() {
        assertThat(StatusRule.replaces("live", LATER, "restricted", EARLIER)).isTrue();
        assertThat(StatusRule.replaces("created", LATER, "live", EARLIER)).isTrue();
        assertThat(StatusRule.replaces("live", EARLIER, "restricted", LATER)).isFalse();
    }

    @Test
    void theEventIdOrdersObservationsOfTheSameInstant() {
        assertThat(StatusRule.replaces("live", new Stamp(at(1), "b"), "restricted", new Stamp(at(1), "a"))).isTrue();
        assertThat(StatusRule.replaces("live", new Stamp(at(1), "a"), "restricted", new Stamp(at(1), "b"))).isFalse();
    }

    @Test
    void anyObservationReplacesNoneAndOneWithoutAStatusReplacesNothing() {
        assertThat(StatusRule.replaces("brand_new", EARLIER, null, null)).isTrue();
        assertThat(StatusRule.replaces("live", EARLIER, "running", null)).isTrue();
        assertThat(StatusRule.replaces(null, LATER, "running", EARLIER)).isFalse();
        assertThat(StatusRule.replaces(null, LATER, null, null)).isFalse();
    }

    @Test
    void anUnknownStatusNeverReplacesAKnownOneButAKnownOneReplacesItAtAnyTime() {
        assertThat(StatusRule.replaces("brand_new", LATER, "live", EARLIER)).isFalse();
        assertThat(StatusRule.replaces("live", EARLIER, "brand_new", LATER)).isTrue();
        assertThat(StatusRule.replaces("newer_still", LATER, "brand_new", EARLIER)).isTrue();
    }

    @Test
    void enteringAnEndingStagePublishesItsEventAndLeavingItRestored() {
        assertThat(StatusRule.events(ChannelStage.LIVE, ChannelStage.RESTRICTED)).containsExactly(StageEvent.RESTRICTED);
        assertThat(StatusRule.events(ChannelStage.LIVE, ChannelStage.CANCELLATION_REQUESTED))
                .containsExactly(StageEvent.CANCELLATION_REQUESTED);
        assertThat(StatusRule.events(ChannelStage.CANCELLATION_REQUESTED, ChannelStage.CANCELLED))
                .containsExactly(StageEvent.CANCELLED);
        assertThat(StatusRule.events(ChannelStage.RESTRICTED, ChannelStage.LIVE))
                .containsExactly(StageEvent.RESTORED, StageEvent.RUNNING);
        assertThat(StatusRule.events(ChannelStage.CANCELLATION_REQUESTED, ChannelStage.READY))
                .containsExactly(StageEvent.RESTORED);
        assertThat(StatusRule.events(ChannelStage.RESTRICTED, ChannelStage.CANCELLATION_REQUESTED))
                .containsExactly(StageEvent.CANCELLATION_REQUESTED);
    }

    @Test
    void theOnboardingStagesPublishOnlyRunningAndNoChangeNothing() {
        assertThat(StatusRule.events(ChannelStage.PENDING, ChannelStage.READY)).isEmpty();
        assertThat(StatusRule.events(ChannelStage.READY, ChannelStage.RUNNING)).containsExactly(StageEvent.RUNNING);
        assertThat(StatusRule.events(ChannelStage.RUNNING, ChannelStage.LIVE)).isEmpty();
        assertThat(StatusRule.events(ChannelStage.LIVE, ChannelStage.READY)).isEmpty();
        assertThat(StatusRule.events(ChannelStage.RESTRICTED, ChannelStage.RESTRICTED)).isEmpty();
    }
}
