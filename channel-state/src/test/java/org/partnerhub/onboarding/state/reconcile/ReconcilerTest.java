package org.partnerhub.onboarding.state.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.eventTypesFor;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ReconcilerTest {

    @Inject
    Reconciler reconciler;

    @Inject
    FakeObservedChannelSource partnerApi;

    @Test
    void aChannelWhoseRunningWebhookWasMissedIsFoundRunningAtThePartnerApi() {
        KafkaTopics.publish(List.of(KafkaTopics.webhook("channel_created", "-missed", T0)));
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/y9MiLoCH-missed").then()
                .statusCode(200).body("stage", equalTo("pending")));
        partnerApi.put(new HubChannel("y9MiLoCH-missed", "oaY9LLfUCL-missed", "running", "live", null, null, null,
                "4915123456789", "Acme Bakery", "Acme Bakery GmbH", "tenant-42", "ab12WA"));

        assertThat(reconciler.reconcileOnce()).isPositive();

        channelOnceRunning("y9MiLoCH-missed");
        assertThat(authorized().get("/channels/y9MiLoCH-missed/history").then().extract().jsonPath()
                .getList("source")).contains(Reconciler.SOURCE);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventTypesFor("y9MiLoCH-missed"))
                .contains("onboarding.channel.running.v1"));
    }

    @Test
    void aChannelThatIsAlreadyRunningIsNotAskedAbout() {
        KafkaTopics.publish(List.of(KafkaTopics.webhook("channel_running", "-fine", T0)));
        channelOnceRunning("y9MiLoCH-fine");
        partnerApi.put(new HubChannel("y9MiLoCH-fine", "oaY9LLfUCL-fine", "created", "sandbox", null, null, null,
                null, null, null, null, null));

        reconciler.reconcileOnce();

        assertThat(authorized().get("/channels/y9MiLoCH-fine/history").then().extract().jsonPath()
                .getList("source")).doesNotContain(Reconciler.SOURCE);
    }
}
