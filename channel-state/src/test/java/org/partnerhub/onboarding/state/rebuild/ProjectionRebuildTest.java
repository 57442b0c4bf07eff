package org.partnerhub.onboarding.state.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.onboarding;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.state.reconcile.PartnerApiStub;
import org.partnerhub.onboarding.state.reconcile.Reconciler;
import org.partnerhub.onboarding.state.store.ChannelFilter;
import org.partnerhub.onboarding.state.store.ChannelRepository;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class ProjectionRebuildTest {

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    ChannelRepository channels;

    @Inject
    Reconciler reconciler;

    private List<ChannelState> everyChannel() {
        return channels.page(new ChannelFilter(null, null, null, null, null, 500, Optional.empty(),
                        Optional.empty())).await().atMost(PATIENCE)
                .stream().map(ChannelState::withoutArrivalOrder).toList();
    }

    /** A pending grant released by 360dialog's report is kept too: the rebuild applies it again. */
    @Test
    void theRebuiltProjectionEqualsTheLiveOneReconciledChannelsIncluded() throws Throwable {
        KafkaTopics.publish(onboarding("-rebuilt"));
        KafkaTopics.publish(List.of(KafkaTopics.webhook("channel_created", "-rebuilt-reconciled", T0),
                new PermissionGranted("main", "oaY9LLfUCL-rebuilt-reconciled", "y9MiLoCH-rebuilt-reconciled",
                        "tenant-42", "redirect", T0, "nonce-rebuilt-pending", Verification.PENDING)));
        channelOnceRunning("y9MiLoCH-rebuilt");
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/y9MiLoCH-rebuilt-reconciled")
                .then().statusCode(200).body("permission.state", org.hamcrest.Matchers.equalTo("granted")));
        PartnerApiStub.knows((HubWebhook.ChannelWebhook) KafkaTopics.webhook("channel_running",
                "-rebuilt-reconciled", T0));
        reconciler.reconcileOnce();
        channelOnceRunning("y9MiLoCH-rebuilt-reconciled");
        List<ChannelState> live = everyChannel();

        ProjectionRebuild.Result result = rebuild.rebuild();

        assertThat(result.records()).isGreaterThanOrEqualTo(onboarding("-rebuilt").size());
        assertThat(everyChannel()).isEqualTo(live);
    }
}
