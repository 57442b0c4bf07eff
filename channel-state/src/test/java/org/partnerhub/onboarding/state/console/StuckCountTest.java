package org.partnerhub.onboarding.state.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.state.console.StuckCount.HubWaiting;
import org.partnerhub.onboarding.state.console.Waiting.Kind;
import org.partnerhub.onboarding.state.store.ConsoleReads.QuietGroup;

class StuckCountTest {

    @Test
    void groupsAreCountedPerHubAndTheStepTheyWaitFor() {
        assertThat(StuckCount.of(List.of(
                new QuietGroup("main", ChannelStage.PENDING, PermissionState.GRANTED, ApiKeyState.NONE, 2),
                new QuietGroup("main", ChannelStage.READY, PermissionState.MISSING, ApiKeyState.NONE, 3),
                new QuietGroup("main", ChannelStage.RUNNING, PermissionState.MISSING, ApiKeyState.NONE, 4),
                new QuietGroup("main", ChannelStage.LIVE, PermissionState.GRANTED, ApiKeyState.PENDING, 5),
                new QuietGroup("main", ChannelStage.RUNNING, PermissionState.GRANTED, ApiKeyState.FAILED, 6),
                new QuietGroup("other", ChannelStage.RUNNING, PermissionState.GRANTED, ApiKeyState.FAILED, 1))))
                .containsExactly(
                        entry("main", Kind.HUB_STATUS, 5),
                        entry("main", Kind.PERMISSION, 4),
                        entry("main", Kind.KEY, 5),
                        entry("main", Kind.KEY_CLAIM_FAILED, 6),
                        entry("other", Kind.KEY_CLAIM_FAILED, 1));
    }

    @Test
    void aGroupThatWaitsForNothingIsNotCounted() {
        assertThat(StuckCount.of(List.of(
                new QuietGroup("main", ChannelStage.CANCELLED, PermissionState.REVOKED, ApiKeyState.REVOKED, 7),
                new QuietGroup("main", ChannelStage.LIVE, PermissionState.GRANTED, ApiKeyState.PROVISIONED, 8))))
                .isEmpty();
    }

    private static Map.Entry<HubWaiting, Long> entry(String hub, Kind kind, long channels) {
        return Map.entry(new HubWaiting(hub, kind), channels);
    }
}
