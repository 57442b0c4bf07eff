package org.partnerhub.onboarding.state.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.state.fold.Facts.CHANNEL;
import static org.partnerhub.onboarding.state.fold.Facts.grant;
import static org.partnerhub.onboarding.state.fold.Facts.linked;
import static org.partnerhub.onboarding.state.fold.Facts.revoke;
import static org.partnerhub.onboarding.state.fold.Facts.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
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
        assertThat(snapshot.tenant()).isEqualTo("tenant-from-payload");
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
        assertThat(projection.channel(CHANNEL).permission()).isEqualTo(PermissionState.GRANTED);
        assertThat(projection.channel(CHANNEL).permissionSource()).isEqualTo("redirect");

        fold(PaymentMode.DIRECT, revoke("e3", 10));

        assertThat(projection.channel(CHANNEL).permission()).isEqualTo(PermissionState.REVOKED);
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

        assertThat(projection.channel(CHANNEL).status()).isEqualTo("running");
        assertThat(projection.channel(CHANNEL).version()).isEqualTo(1);
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
        assertThat(projection.channel(CHANNEL).version()).isEqualTo(1);
    }

    @Test
    void theLinkedTenantBeatsThePartnerPayloadWhicheverArrivesFirst() {
        fold(PaymentMode.DIRECT, status("e1", "created", 0), linked("e2", 1));

        assertThat(projection.channel(CHANNEL).tenant()).isEqualTo("tenant-42");
        assertThat(projection.client(Facts.CLIENT).tenant()).isEqualTo("tenant-42");
    }

    @Test
    void unknownStatusesMapToUnknownAndKnownOnesToTheirStage() {
        assertThat(StageMapping.stage("verified")).isEqualTo(ChannelStage.PENDING);
        assertThat(StageMapping.stage("ready")).isEqualTo(ChannelStage.READY);
        assertThat(StageMapping.stage("Running")).isEqualTo(ChannelStage.RUNNING);
        assertThat(StageMapping.stage("live")).isEqualTo(ChannelStage.LIVE);
        assertThat(StageMapping.stage("restricted")).isEqualTo(ChannelStage.RESTRICTED);
        assertThat(StageMapping.stage("terminated")).isEqualTo(ChannelStage.CANCELLED);
        assertThat(StageMapping.stage("something_new")).isEqualTo(ChannelStage.UNKNOWN);
    }
}
