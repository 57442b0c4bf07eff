package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.events.state.PermissionStatus;

class ProvisioningDecisionTest {

    @Test
    void provisionsARunningOrLiveChannelWithPermissionAndNoKey() {
        assertThat(decide(ChannelStage.RUNNING, PermissionState.GRANTED, ApiKeyState.NONE, Optional.empty()))
                .isInstanceOf(ProvisioningDecision.Provision.class);
        assertThat(decide(ChannelStage.LIVE, PermissionState.GRANTED, ApiKeyState.FAILED, Optional.of(3L)))
                .isInstanceOf(ProvisioningDecision.Provision.class);
    }

    @Test
    void ignoresAChannelThatIsNotRunningHasNoPermissionOrHasAKey() {
        assertThat(decide(ChannelStage.READY, PermissionState.GRANTED, ApiKeyState.NONE, Optional.empty()))
                .isEqualTo(new ProvisioningDecision.Ignore("channel is ready, not running"));
        assertThat(decide(ChannelStage.RUNNING, PermissionState.MISSING, ApiKeyState.NONE, Optional.empty()))
                .isEqualTo(new ProvisioningDecision.Ignore("permission is missing"));
        assertThat(decide(ChannelStage.RUNNING, PermissionState.GRANTED, ApiKeyState.PROVISIONED, Optional.empty()))
                .isInstanceOf(ProvisioningDecision.Ignore.class);
    }

    @Test
    void ignoresAnEventFromBeforeTheLatestRevocation() {
        assertThat(decide(ChannelStage.RUNNING, PermissionState.GRANTED, ApiKeyState.NONE, Optional.of(5L)))
                .isInstanceOf(ProvisioningDecision.Ignore.class);
    }

    private static ProvisioningDecision decide(ChannelStage stage, PermissionState permission, ApiKeyState key,
            Optional<Long> lastRevoked) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        ChannelSnapshot snapshot = new ChannelSnapshot("ch-1", "main", "cl-1", null, null, stage.name().toLowerCase(),
                stage, "live", new PermissionStatus(permission, null), new ApiKeyStatus(key, null), 5, now, now, now);
        return ProvisioningDecision.decide(snapshot, 5, lastRevoked);
    }
}
