package org.partnerhub.onboarding.state.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.state.fold.Facts.CHANNEL;
import static org.partnerhub.onboarding.state.fold.Facts.CLIENT;
import static org.partnerhub.onboarding.state.fold.Facts.HUB;
import static org.partnerhub.onboarding.state.fold.Facts.OTHER_CLIENT;
import static org.partnerhub.onboarding.state.fold.Facts.OTHER_TENANT;
import static org.partnerhub.onboarding.state.fold.Facts.TENANT;
import static org.partnerhub.onboarding.state.fold.Facts.apiKey;
import static org.partnerhub.onboarding.state.fold.Facts.grant;
import static org.partnerhub.onboarding.state.fold.Facts.linked;
import static org.partnerhub.onboarding.state.fold.Facts.permission;
import static org.partnerhub.onboarding.state.fold.Facts.revoke;
import static org.partnerhub.onboarding.state.fold.Facts.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.runtime.hubs.PaymentMode;

class ChannelFoldTest {

    private final Projection projection = new Projection();
    private final FoldOutput out = new FoldOutput();

    private void fold(PaymentMode mode, Fact... facts) {
        ChannelFold fold = new ChannelFold(hub -> mode);
        for (Fact fact : facts) {
            fold.apply(projection, fact, out);
        }
    }

    private List<String> publishedTypes() {
        return out.published().stream().map(Event::type).toList();
    }

    @Test
    void aWebhookCreatesTheChannelAndItsClient() {
        fold(PaymentMode.DIRECT, status("e1", "created", 0));

        assertThat(publishedTypes()).containsExactly(
                "onboarding.client.created.v1",
                "onboarding.channel.created.v1",
                "onboarding.channel.status-changed.v1",
                "onboarding.channel.state.v1");
        ChannelSnapshot snapshot = Snapshots.of(projection.channel(CHANNEL));
        assertThat(snapshot.stage()).isEqualTo(ChannelStage.PENDING);
        assertThat(snapshot.status()).isEqualTo("created");
        assertThat(snapshot.tenant()).isEqualTo("tenant-42");
        assertThat(snapshot.permission().state()).isEqualTo(PermissionState.MISSING);
        assertThat(snapshot.version()).isEqualTo(1);
    }

    @Test
    void aPartnerPaymentChannelHasPermissionFromTheStart() {
        fold(PaymentMode.PARTNER, status("e1", "created", 0));

        ChannelSnapshot snapshot = Snapshots.of(projection.channel(CHANNEL));
        assertThat(snapshot.permission().state()).isEqualTo(PermissionState.GRANTED);
        assertThat(snapshot.permission().source()).isEqualTo("partner-payment");
        assertThat(publishedTypes()).contains("onboarding.channel.permission-granted.v1");
    }

    @Test
    void aDirectPaymentChannelGetsPermissionByGrantAndLosesItByRevocation() {
        fold(PaymentMode.DIRECT, grant("e1", 0), status("e2", "running", 5));
        assertThat(projection.channel(CHANNEL).permission().state()).isEqualTo(PermissionState.GRANTED);
        assertThat(projection.channel(CHANNEL).permission().source()).isEqualTo(Origin.REDIRECT);

        fold(PaymentMode.DIRECT, revoke("e3", 10));

        assertThat(projection.channel(CHANNEL).permission().state()).isEqualTo(PermissionState.REVOKED);
        assertThat(publishedTypes()).contains("onboarding.channel.permission-revoked.v1");
    }

    @Test
    void reachingRunningPublishesRunningWithFromAndToStatus() {
        fold(PaymentMode.DIRECT, status("e1", "created", 0), status("e2", "running", 5));

        ChannelStatusChanged change = out.published().stream()
                .filter(ChannelStatusChanged.class::isInstance).map(ChannelStatusChanged.class::cast)
                .reduce((first, second) -> second).orElseThrow();
        assertThat(change.fromStatus()).isEqualTo("created");
        assertThat(change.toStatus()).isEqualTo("running");
        assertThat(change.toStage()).isEqualTo(ChannelStage.RUNNING);
        assertThat(change.version()).isEqualTo(2);
        assertThat(publishedTypes()).contains("onboarding.channel.running.v1");
    }

    @Test
    void aStaleStatusIsRecordedInHistoryButDoesNotMoveTheChannelBack() {
        fold(PaymentMode.DIRECT, status("e1", "running", 5), status("e2", "created", 0));

        assertThat(projection.channel(CHANNEL).hub().status()).isEqualTo("running");
        assertThat(projection.channel(CHANNEL).times().version()).isEqualTo(1);
        assertThat(out.history()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(HistoryEntry.STALE_STATUS);
            assertThat(entry.fromValue()).isEqualTo("running");
            assertThat(entry.toValue()).isEqualTo("created");
        });
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        fold(PaymentMode.DIRECT, status("e1", "created", 0));
        int published = out.published().size();

        fold(PaymentMode.DIRECT, status("e1", "created", 0));

        assertThat(out.published()).hasSize(published);
        assertThat(projection.channel(CHANNEL).times().version()).isEqualTo(1);
    }

    @Test
    void theFirstTenantBindingStaysWhicheverArrivesFirstAndALaterOneIsAConflict() {
        fold(PaymentMode.DIRECT, status("e1", "created", OTHER_TENANT, 5), linked("e2", 1));
        assertThat(projection.channel(CHANNEL).tenant()).isEqualTo(TENANT);
        assertThat(projection.client(CLIENT).tenant()).isEqualTo(TENANT);
        assertThat(out.history()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(HistoryEntry.TENANT_CONFLICT);
            assertThat(entry.fromValue()).isEqualTo(TENANT);
            assertThat(entry.toValue()).isEqualTo(OTHER_TENANT);
            assertThat(entry.eventId()).isEqualTo("e1");
        });
        assertThat(out.conflicts()).containsExactly(new FoldOutput.Conflict(FoldOutput.Conflict.Kind.TENANT, HUB));

        Projection reversed = new Projection();
        ChannelFold fold = new ChannelFold(hub -> PaymentMode.DIRECT);
        FoldOutput reversedOut = new FoldOutput();
        fold.apply(reversed, linked("e2", 1), reversedOut);
        fold.apply(reversed, status("e1", "created", OTHER_TENANT, 5), reversedOut);
        assertThat(reversed.channel(CHANNEL).tenant()).isEqualTo(TENANT);
        assertThat(reversedOut.history()).extracting(HistoryEntry::kind).contains(HistoryEntry.TENANT_CONFLICT);
    }

    @Test
    void aPendingGrantChangesNothingUntil360dialogReportsTheChannelUnderItsClient() {
        fold(PaymentMode.DIRECT, permission("e1", CLIENT, TENANT, true, Verification.PENDING, 0));
        assertThat(projection.channel(CHANNEL)).isNull();
        assertThat(out.published()).isEmpty();

        fold(PaymentMode.DIRECT, status("e2", "created", 5));

        ChannelState channel = projection.channel(CHANNEL);
        assertThat(channel.permission().state()).isEqualTo(PermissionState.GRANTED);
        assertThat(channel.permission().decidedBy().eventId()).isEqualTo("e1");
        assertThat(channel.times().createdAt()).isEqualTo(Facts.at(5));
        assertThat(publishedTypes()).contains("onboarding.channel.permission-granted.v1");
    }

    @Test
    void aPendingRevocationOfAKnownChannelIsNotedAndWaits() {
        fold(PaymentMode.DIRECT, apiKey("e1", ApiKeyState.NONE, 0), grant("e2", 1),
                permission("e3", CLIENT, TENANT, false, Verification.PENDING, 5));
        assertThat(projection.channel(CHANNEL).permission().state()).isEqualTo(PermissionState.GRANTED);
        assertThat(out.history()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(HistoryEntry.PERMISSION_PENDING);
            assertThat(entry.fromValue()).isEqualTo(CLIENT);
            assertThat(entry.toValue()).isEqualTo("revoked");
            assertThat(entry.eventId()).isEqualTo("e3");
        });

        fold(PaymentMode.DIRECT, status("e4", "running", 6));

        assertThat(projection.channel(CHANNEL).permission().state()).isEqualTo(PermissionState.REVOKED);
    }

    @Test
    void aPermissionFactNamingAnotherClientThan360dialogReportsNeverApplies() {
        Fact pending = permission("e2", OTHER_CLIENT, TENANT, true, Verification.PENDING, 5);
        fold(PaymentMode.DIRECT, status("e1", "created", 0), pending);

        ChannelState channel = projection.channel(CHANNEL);
        assertThat(channel.permission().state()).isEqualTo(PermissionState.MISSING);
        assertThat(channel.clientId()).isEqualTo(CLIENT);
        assertThat(out.history()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(HistoryEntry.CLIENT_CONFLICT);
            assertThat(entry.fromValue()).isEqualTo(CLIENT);
            assertThat(entry.toValue()).isEqualTo(OTHER_CLIENT);
        });
        assertThat(out.conflicts()).containsExactly(new FoldOutput.Conflict(FoldOutput.Conflict.Kind.CLIENT, HUB));
    }

    @Test
    void aConfirmedClientStandsInUntil360dialogReportsItsOwn() {
        fold(PaymentMode.DIRECT, permission("e1", OTHER_CLIENT, null, true, Verification.CONFIRMED, 0));
        assertThat(projection.channel(CHANNEL).clientId()).isEqualTo(OTHER_CLIENT);
        assertThat(projection.channel(CHANNEL).permission().state()).isEqualTo(PermissionState.GRANTED);

        fold(PaymentMode.DIRECT, status("e2", "created", 5));

        assertThat(projection.channel(CHANNEL).clientId()).isEqualTo(CLIENT);
        assertThat(projection.channel(CHANNEL).permission().state()).isEqualTo(PermissionState.MISSING);
        assertThat(out.history()).extracting(HistoryEntry::kind).contains(HistoryEntry.CLIENT_CONFLICT);
    }

    @Test
    void anotherTenantCanNeitherRevokeNorReGrantNorTakeOverTheChannel() {
        fold(PaymentMode.DIRECT, linked("e1", 0), status("e2", "running", 1), grant("e3", 2));

        fold(PaymentMode.DIRECT,
                permission("b1", CLIENT, OTHER_TENANT, false, Verification.CONFIRMED, 10),
                linked("b2", CLIENT, OTHER_TENANT, 11),
                permission("b3", CLIENT, OTHER_TENANT, true, Verification.CONFIRMED, 12));

        ChannelState channel = projection.channel(CHANNEL);
        assertThat(channel.tenant()).isEqualTo(TENANT);
        assertThat(channel.permission().state()).isEqualTo(PermissionState.GRANTED);
        assertThat(channel.permission().decidedBy().eventId()).isEqualTo("e3");
        assertThat(out.history()).filteredOn(entry -> entry.kind().equals(HistoryEntry.TENANT_CONFLICT))
                .extracting(HistoryEntry::eventId).containsExactly("b1", "b2", "b3");
        assertThat(out.conflicts()).hasSize(3);
        assertThat(publishedTypes()).doesNotContain("onboarding.channel.permission-revoked.v1");
    }

    @Test
    void unknownStatusesMapToUnknownAndKnownOnesToTheirStage() {
        assertThat(StageMapping.stage("verified")).isEqualTo(ChannelStage.PENDING);
        assertThat(StageMapping.stage("ready")).isEqualTo(ChannelStage.READY);
        assertThat(StageMapping.stage("Running")).isEqualTo(ChannelStage.RUNNING);
        assertThat(StageMapping.stage("live")).isEqualTo(ChannelStage.LIVE);
        assertThat(StageMapping.stage("restricted")).isEqualTo(ChannelStage.RESTRICTED);
        assertThat(StageMapping.stage("terminated")).isEqualTo(ChannelStage.CANCELLED);
        assertThat(StageMapping.stage("pending_deletion")).isEqualTo(ChannelStage.CANCELLATION_REQUESTED);
        assertThat(StageMapping.stage("cancellation_request")).isEqualTo(ChannelStage.CANCELLATION_REQUESTED);
        assertThat(StageMapping.stage("cancellation_processed")).isEqualTo(ChannelStage.CANCELLED);
        assertThat(StageMapping.stage("account_violation")).isEqualTo(ChannelStage.RESTRICTED);
        assertThat(StageMapping.stage("something_new")).isEqualTo(ChannelStage.UNKNOWN);
    }

    @Test
    void aLiftedRestrictionMovesTheChannelBackAndPublishesRestrictedThenRestored() {
        fold(PaymentMode.DIRECT, status("e1", "live", 0), status("e2", "restricted", 5));
        assertThat(projection.channel(CHANNEL).hub().stage()).isEqualTo(ChannelStage.RESTRICTED);
        assertThat(publishedTypes()).contains("onboarding.channel.restricted.v1")
                .doesNotContain("onboarding.channel.restored.v1");

        fold(PaymentMode.DIRECT, status("e3", "live", 9));

        assertThat(projection.channel(CHANNEL).hub().status()).isEqualTo("live");
        assertThat(publishedTypes()).contains("onboarding.channel.restored.v1");
        assertThat(projection.channel(CHANNEL).times().version()).isEqualTo(3);
    }

    @Test
    void aCancellationRequestedThenRevokedGoesBackAndOneProcessedEndsCancelled() {
        fold(PaymentMode.DIRECT, status("e1", "live", 0), status("e2", "pending_deletion", 5));
        assertThat(projection.channel(CHANNEL).hub().stage()).isEqualTo(ChannelStage.CANCELLATION_REQUESTED);
        assertThat(publishedTypes()).contains("onboarding.channel.cancellation-requested.v1");

        fold(PaymentMode.DIRECT, status("e3", "live", 6), status("e4", "pending_deletion", 7),
                status("e5", "cancelled", 8));

        assertThat(projection.channel(CHANNEL).hub().stage()).isEqualTo(ChannelStage.CANCELLED);
        assertThat(publishedTypes()).containsSubsequence("onboarding.channel.cancellation-requested.v1",
                "onboarding.channel.restored.v1", "onboarding.channel.cancellation-requested.v1",
                "onboarding.channel.cancelled.v1");
    }

    @Test
    void aReconcilerReadOlderThanTheLastWebhookIsStaleAndAFreshOneIsTheTruth() {
        fold(PaymentMode.DIRECT, status("e1", "restricted", 10), Facts.read("r1", "live", 5));

        assertThat(projection.channel(CHANNEL).hub().status()).isEqualTo("restricted");
        assertThat(out.history()).last().satisfies(entry -> assertThat(entry.kind())
                .isEqualTo(HistoryEntry.STALE_STATUS));

        fold(PaymentMode.DIRECT, Facts.read("r2", "live", 15));

        assertThat(projection.channel(CHANNEL).hub().status()).isEqualTo("live");
        assertThat(projection.channel(CHANNEL).hub().observed()).isEqualTo(new Stamp(Facts.at(15), "r2"));
    }

    @Test
    void anUnknownStatusIsKeptInHistoryButNeverReplacesAKnownOne() {
        fold(PaymentMode.DIRECT, status("e1", "live", 0), status("e2", "brand_new", 5));

        assertThat(projection.channel(CHANNEL).hub().status()).isEqualTo("live");
        assertThat(out.history()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(HistoryEntry.STALE_STATUS);
            assertThat(entry.toValue()).isEqualTo("brand_new");
        });
    }
}
