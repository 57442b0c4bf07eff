package org.partnerhub.onboarding.state.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.eventTypesFor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.state.ingest.Onboarding;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class ReconcilerTest {

    /** Quieter than every other test's channels, so that a run's bounded calls reach these first. */
    private static final Instant LONG_AGO = T0.minusSeconds(30 * 24 * 3600);

    @Inject
    Reconciler reconciler;

    @Inject
    Pool pool;

    @Test
    void aChannelWhoseRunningWebhookWasDroppedIsFoundRunningAtThePartnerApi() {
        createdLongAgo("main", "-dropped");
        PartnerApiStub.knows((HubWebhook.ChannelWebhook) KafkaTopics.webhook("channel_running", "-dropped", T0));

        reconciler.reconcileOnce();

        var channel = channelOnceRunning("y9MiLoCH-dropped");
        assertThat(channel.getString("stage")).isEqualTo("running");
        assertThat(channel.getString("phoneNumber")).isEqualTo("4915123456789");
        assertThat(PartnerApiStub.requestsFor("y9MiLoCH-dropped")).singleElement()
                .satisfies(request -> assertThat(request.getHeader("X-API-Key")).isEqualTo("fake-partner-api-key"));
        assertThat(authorized().get("/channels/y9MiLoCH-dropped/history").then().extract().jsonPath()
                .getList("source")).contains(Reconciler.SOURCE);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventTypesFor("y9MiLoCH-dropped"))
                .contains("onboarding.channel.running.v1"));
    }

    @Test
    void aPendingGrantForAChannelWhoseWebhooksWereLostIsReleasedByThePartnerApi() {
        PermissionGranted pending = new PermissionGranted("main", "oaY9LLfUCL-lost", "y9MiLoCH-lost", "tenant-42",
                "redirect", LONG_AGO, "nonce-lost", Verification.PENDING);
        KafkaTopics.publish(List.of(pending));
        Onboarding.awaitFolded(pool, pending);
        authorized().get("/channels/y9MiLoCH-lost").then().statusCode(404);
        PartnerApiStub.knows((HubWebhook.ChannelWebhook) KafkaTopics.webhook("channel_running", "-lost", T0));

        reconciler.reconcileOnce();

        var channel = channelOnceRunning("y9MiLoCH-lost");
        assertThat(channel.getString("clientId")).isEqualTo("oaY9LLfUCL-lost");
        assertThat(channel.getString("permission.state")).isEqualTo("granted");
        assertThat(channel.getString("tenant")).isEqualTo("tenant-42");
    }

    @Test
    void aChannelThatIsAlreadyLiveIsNotAskedAbout() {
        HubWebhook running = KafkaTopics.webhook("channel_running", "-fine", LONG_AGO);
        KafkaTopics.publish(List.of(HubWebhooks.parse("main", running.rawBody().replace("\"running\"", "\"live\"")
                .replace("channel_running", "channel_live").getBytes(StandardCharsets.UTF_8), LONG_AGO)));
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/y9MiLoCH-fine").then()
                .statusCode(200).body("stage", equalTo("live")));

        reconciler.reconcileOnce();

        assertThat(PartnerApiStub.requestsFor("y9MiLoCH-fine")).isEmpty();
    }

    @Test
    void aRunningChannelWhoseLiveWebhookWasLostIsFoundLiveAtThePartnerApi() {
        HubWebhook running = KafkaTopics.webhook("channel_running", "-live-lost", LONG_AGO);
        KafkaTopics.publish(List.of(running));
        channelOnceRunning("y9MiLoCH-live-lost");
        PartnerApiStub.answers("y9MiLoCH-live-lost", okJson(((HubWebhook.ChannelWebhook) running).data()
                .toString().replace("\"running\"", "\"live\"")));

        reconciler.reconcileOnce();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(authorized().get("/channels/y9MiLoCH-live-lost")
                .then().extract().<String>path("stage")).isEqualTo("live"));
    }

    @Test
    void aChannelThePartnerApiDoesNotKnowOrCannotAnswerForStaysAsItWas() {
        createdLongAgo("main", "-unknown");
        createdLongAgo("main", "-down");
        PartnerApiStub.answers("y9MiLoCH-unknown", notFound().withBody("{\"meta\":{\"developer_message\":\"no\"}}"));
        PartnerApiStub.answers("y9MiLoCH-down", aResponse().withStatus(503));

        reconciler.reconcileOnce();

        assertThat(PartnerApiStub.requestsFor("y9MiLoCH-unknown")).hasSize(1);
        assertThat(PartnerApiStub.requestsFor("y9MiLoCH-down")).hasSize(1);
        for (String channel : List.of("y9MiLoCH-unknown", "y9MiLoCH-down")) {
            assertThat(authorized().get("/channels/" + channel + "/history").then().extract().jsonPath()
                    .getList("source")).doesNotContain(Reconciler.SOURCE);
        }
    }

    @Test
    void channelsOfAHubWithoutPartnerApiCredentialsAreNotAskedAbout() {
        createdLongAgo("partner", "-no-credentials");

        reconciler.reconcileOnce();

        assertThat(PartnerApiStub.requestsFor("y9MiLoCH-no-credentials")).isEmpty();
        assertThat(authorized().get("/channels/y9MiLoCH-no-credentials").then().extract().jsonPath()
                .getString("stage")).isEqualTo("pending");
    }

    @Test
    void aLiveChannelWhoseStatusChangedAtThePartnerApiIsFoldedOnTheSlowCadenceAndAnUnchangedOneIsNot() {
        HubWebhook changed = KafkaTopics.webhook("channel_running", "-live-changed", LONG_AGO);
        HubWebhook same = KafkaTopics.webhook("channel_running", "-live-same", LONG_AGO);
        KafkaTopics.publish(List.of(changed, same));
        channelOnceRunning("y9MiLoCH-live-changed");
        channelOnceRunning("y9MiLoCH-live-same");
        PartnerApiStub.answers("y9MiLoCH-live-changed", okJson(((HubWebhook.ChannelWebhook) changed).data()
                .toString().replace("\"running\"", "\"restricted\"")));
        PartnerApiStub.knows((HubWebhook.ChannelWebhook) same);

        // Each run reads the next max-per-run running and live channels, so every one is read within a few runs.
        await().atMost(PATIENCE).until(() -> {
            reconciler.rereadLiveOnce();
            return !PartnerApiStub.requestsFor("y9MiLoCH-live-same").isEmpty() && "restricted".equals(
                    authorized().get("/channels/y9MiLoCH-live-changed").then().extract().path("stage"));
        });

        assertThat(authorized().get("/channels/y9MiLoCH-live-changed/history").then().extract().jsonPath()
                .getList("source")).contains(Reconciler.SOURCE);
        assertThat(authorized().get("/channels/y9MiLoCH-live-same/history").then().extract().jsonPath()
                .getList("source")).doesNotContain(Reconciler.SOURCE);
    }

    private static void createdLongAgo(String hubId, String suffix) {
        HubWebhook created = KafkaTopics.webhook("channel_created", suffix, LONG_AGO);
        KafkaTopics.publish(List.of(HubWebhooks.parse(hubId, created.rawBody().getBytes(StandardCharsets.UTF_8),
                LONG_AGO)));
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/y9MiLoCH" + suffix).then()
                .statusCode(200).body("stage", equalTo("pending")));
    }
}
