package org.partnerhub.onboarding.state.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.state.reconcile.ObservedDifference.ProjectedChannel;

class ObservedDifferenceTest {

    private static final ProjectedChannel LIVE = new ProjectedChannel("main", "ch-1", "cl-1", "live", "live",
            "4915123456789");

    @Test
    void theSameChannelReadAgainIsNoDifferenceAndNeitherIsAFieldLeftOut() {
        assertThat(ObservedDifference.differs(LIVE, read("cl-1", "LIVE", "live", "4915123456789"))).isFalse();
        assertThat(ObservedDifference.differs(LIVE, read(null, null, null, null))).isFalse();
    }

    @Test
    void aChangedStatusClientAccountModeOrPhoneNumberIsADifference() {
        assertThat(ObservedDifference.differs(LIVE, read("cl-1", "restricted", "live", "4915123456789"))).isTrue();
        assertThat(ObservedDifference.differs(LIVE, read("cl-2", "live", "live", "4915123456789"))).isTrue();
        assertThat(ObservedDifference.differs(LIVE, read("cl-1", "live", "sandbox", "4915123456789"))).isTrue();
        assertThat(ObservedDifference.differs(LIVE, read("cl-1", "live", "live", "4915100000000"))).isTrue();
    }

    private static HubChannel read(String clientId, String status, String accountMode, String phoneNumber) {
        return new HubChannel("ch-1", clientId, status, accountMode, null, null, null, null, phoneNumber, null, null,
                null, null);
    }
}
