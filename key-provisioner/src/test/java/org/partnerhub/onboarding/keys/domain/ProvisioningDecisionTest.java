package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    static Stream<Arguments> stagesOfAChannelWithAKey() {
        return Stream.of(
                Arguments.of(ChannelStage.CANCELLED, "cancelled", new ProvisioningDecision.Withdraw("channel cancelled")),
                Arguments.of(ChannelStage.CANCELLED, "canceled", new ProvisioningDecision.Withdraw("channel cancelled")),
                Arguments.of(ChannelStage.CANCELLED, "deleted", new ProvisioningDecision.Withdraw("channel cancelled")),
                Arguments.of(ChannelStage.CANCELLED, "cancellation_processed",
                        new ProvisioningDecision.Withdraw("channel cancelled")),
                Arguments.of(ChannelStage.CANCELLED, "terminated",
                        new ProvisioningDecision.Withdraw("channel terminated")),
                Arguments.of(ChannelStage.CANCELLED, "Terminated",
                        new ProvisioningDecision.Withdraw("channel terminated")),
                Arguments.of(ChannelStage.CANCELLED, null, new ProvisioningDecision.Withdraw("channel cancelled")),
                Arguments.of(ChannelStage.RESTRICTED, "restricted",
                        new ProvisioningDecision.Ignore("channel is restricted, not running")),
                Arguments.of(ChannelStage.RESTRICTED, "banned",
                        new ProvisioningDecision.Ignore("channel is restricted, not running")),
                Arguments.of(ChannelStage.LIVE, "live",
                        new ProvisioningDecision.Ignore("the channel already has a live key")),
                Arguments.of(ChannelStage.UNKNOWN, "pending_deletion",
                        new ProvisioningDecision.Ignore("channel is unknown, not running")));
    }

    /** Only the end of a channel takes its key; a restriction, or a stage this build does not know, keeps it. */
    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @MethodSource("stagesOfAChannelWithAKey")
    void theEndOfAChannelWithdrawsItsKeyAndNothingElseDoes(ChannelStage stage, String status,
            ProvisioningDecision expected) {
        assertThat(decide(stage, status, PermissionState.GRANTED, ApiKeyState.PROVISIONED, Optional.empty()))
                .isEqualTo(expected);
    }

    @Test
    void aCancelledChannelLosesItsKeyWhateverItsPermissionOrAnEarlierRevocation() {
        assertThat(decide(ChannelStage.CANCELLED, "terminated", PermissionState.REVOKED, ApiKeyState.REVOKED,
                Optional.of(9L))).isEqualTo(new ProvisioningDecision.Withdraw("channel terminated"));
        assertThat(ProvisioningDecision.decide(ChannelStage.CANCELLED, PermissionState.GRANTED, ApiKeyState.NONE, 5,
                Optional.empty())).isEqualTo(new ProvisioningDecision.Withdraw("channel cancelled"));
    }

    private static ProvisioningDecision decide(ChannelStage stage, PermissionState permission, ApiKeyState key,
            Optional<Long> lastRevoked) {
        return decide(stage, stage.name().toLowerCase(), permission, key, lastRevoked);
    }

    private static ProvisioningDecision decide(ChannelStage stage, String status, PermissionState permission,
            ApiKeyState key, Optional<Long> lastRevoked) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        ChannelSnapshot snapshot = new ChannelSnapshot("ch-1", "main", "cl-1", null, null, status, stage, "live",
                new PermissionStatus(permission, null), new ApiKeyStatus(key, null), 5, now, now, now);
        return ProvisioningDecision.decide(snapshot, 5, lastRevoked);
    }
}
