package org.partnerhub.onboarding.state.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.state.reconcile.PermissionDrift.ProjectedPermission;

class PermissionDriftTest {

    private static final Instant ASKED = Instant.parse("2026-11-30T12:00:00Z");

    private static final ProjectedPermission GRANTED = new ProjectedPermission("ch-granted", "tenant-42",
            PermissionState.GRANTED, "evt-grant", false);
    private static final ProjectedPermission MISSING = new ProjectedPermission("ch-missing", null,
            PermissionState.MISSING, null, true);
    private static final ProjectedPermission REVOKED = new ProjectedPermission("ch-revoked", "tenant-42",
            PermissionState.REVOKED, "evt-revoke", false);

    @Test
    void aGrantedChannelNoLongerSharedIsRevokedAndASharedOneNotGrantedIsGranted() {
        List<PermissionEvent> changes = PermissionDrift.changes("main", "cl-1", List.of(GRANTED, MISSING, REVOKED),
                Set.of("ch-missing", "ch-revoked"), ASKED);

        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).isInstanceOfSatisfying(PermissionRevoked.class, revoked -> {
            assertThat(revoked.channelId()).isEqualTo("ch-granted");
            assertThat(revoked.clientId()).isEqualTo("cl-1");
            assertThat(revoked.tenant()).isEqualTo("tenant-42");
            assertThat(revoked.source()).isEqualTo("partner-api");
            assertThat(revoked.verification()).isEqualTo(Verification.CONFIRMED);
            assertThat(revoked.occurredAt()).isEqualTo(ASKED);
        });
        assertThat(changes.subList(1, 3)).allSatisfy(granted -> assertThat(granted).isInstanceOf(
                PermissionGranted.class)).extracting(event -> ((PermissionGranted) event).channelId())
                .containsExactly("ch-missing", "ch-revoked");
    }

    @Test
    void aGrantedChannelStillBeforeRunningThatIsNotListedYetKeepsItsPermission() {
        ProjectedPermission onboarding = new ProjectedPermission("ch-onboarding", "tenant-42",
                PermissionState.GRANTED, "evt-popup", true);

        assertThat(PermissionDrift.changes("main", "cl-1", List.of(onboarding), Set.of(), ASKED)).isEmpty();
    }

    @Test
    void whatAgreesWithTheProjectionChangesNothing() {
        assertThat(PermissionDrift.changes("main", "cl-1", List.of(GRANTED, MISSING, REVOKED), Set.of("ch-granted"),
                ASKED)).isEmpty();
    }

    @Test
    void theSameObservedChangeHasTheSameIdWhenAskedAgainAndTheNextChangeAnother() {
        String first = PermissionDrift.changes("main", "cl-1", List.of(GRANTED), Set.of(), ASKED).getFirst().id();
        String retried = PermissionDrift.changes("main", "cl-1", List.of(GRANTED), Set.of(), ASKED.plusSeconds(90))
                .getFirst().id();
        ProjectedPermission revokedByIt = new ProjectedPermission("ch-granted", "tenant-42", PermissionState.REVOKED,
                first, false);
        ProjectedPermission grantedAgain = new ProjectedPermission("ch-granted", "tenant-42", PermissionState.GRANTED,
                PermissionDrift.changes("main", "cl-1", List.of(revokedByIt), Set.of("ch-granted"), ASKED)
                        .getFirst().id(), false);
        String revokedAgain = PermissionDrift.changes("main", "cl-1", List.of(grantedAgain), Set.of(), ASKED)
                .getFirst().id();

        assertThat(retried).isEqualTo(first);
        assertThat(grantedAgain.decidedBy()).isNotEqualTo(first);
        assertThat(revokedAgain).isNotIn(first, grantedAgain.decidedBy());
    }
}
