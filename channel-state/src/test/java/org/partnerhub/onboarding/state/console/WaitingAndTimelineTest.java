package org.partnerhub.onboarding.state.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.state.fold.HistoryEntry;

class WaitingAndTimelineTest {

    @Test
    void aChannelBeforeRunningWaitsFor360dialogWithItsStatus() {
        assertThat(describe(ChannelStage.PENDING, "submitted", PermissionState.GRANTED, ApiKeyState.NONE))
                .isEqualTo("waiting for 360dialog: submitted");
        assertThat(describe(ChannelStage.PENDING, null, PermissionState.GRANTED, ApiKeyState.NONE))
                .isEqualTo("waiting for 360dialog: not reported yet");
        assertThat(describe(ChannelStage.READY, "ready", PermissionState.MISSING, ApiKeyState.NONE))
                .isEqualTo("waiting for 360dialog: ready");
    }

    @Test
    void aRunningChannelWaitsForItsPermissionThenItsKey() {
        assertThat(describe(ChannelStage.RUNNING, "running", PermissionState.MISSING, ApiKeyState.NONE))
                .isEqualTo("waiting for permission (missing)");
        assertThat(describe(ChannelStage.LIVE, "live", PermissionState.GRANTED, ApiKeyState.PENDING))
                .isEqualTo("waiting for key (pending)");
        assertThat(Waiting.of(ChannelStage.LIVE, "live", PermissionState.GRANTED, ApiKeyState.FAILED, "403 forbidden")
                .orElseThrow().describe()).isEqualTo("key claim failed: 403 forbidden");
    }

    @Test
    void aChannelWithItsKeyOrPastOnboardingWaitsForNothing() {
        assertThat(Waiting.of(ChannelStage.LIVE, "live", PermissionState.GRANTED, ApiKeyState.PROVISIONED, null))
                .isEmpty();
        assertThat(Waiting.of(ChannelStage.CANCELLED, "cancelled", PermissionState.GRANTED, ApiKeyState.NONE, null))
                .isEmpty();
        assertThat(Waiting.of(ChannelStage.RESTRICTED, "banned", PermissionState.MISSING, ApiKeyState.NONE, null))
                .isEmpty();
    }

    @Test
    void theTimelineMarksStaleAndConflictingObservations() {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        List<TimelineEntry> timeline = TimelineEntry.of(List.of(
                new HistoryEntry("ch-1", 1, "channel.created", null, "created", "e1", "webhook", at),
                new HistoryEntry("ch-1", 2, "channel.status-changed", "created", "running", "e2", "reconcile", at),
                new HistoryEntry("ch-1", 2, HistoryEntry.STALE_STATUS, "running", "created", "e3", "webhook", at),
                new HistoryEntry("ch-1", 2, HistoryEntry.TENANT_CONFLICT, "t-1", "t-2", "e4", "link", at),
                new HistoryEntry("ch-1", 2, HistoryEntry.CLIENT_CONFLICT, "c-1", "c-2", "e5", "redirect", at),
                new HistoryEntry("ch-1", 2, HistoryEntry.PERMISSION_PENDING, "c-1", "granted", "e6", "redirect",
                        at)));

        assertThat(timeline).extracting(TimelineEntry::mark).containsExactly(null, null, TimelineEntry.Mark.STALE,
                TimelineEntry.Mark.CONFLICT, TimelineEntry.Mark.CONFLICT, TimelineEntry.Mark.PENDING);
        assertThat(timeline).extracting(TimelineEntry::source).containsExactly("webhook", "reconcile", "webhook",
                "link", "redirect", "redirect");
    }

    private static String describe(ChannelStage stage, String status, PermissionState permission, ApiKeyState key) {
        return Waiting.of(stage, status, permission, key, null).orElseThrow().describe();
    }
}
