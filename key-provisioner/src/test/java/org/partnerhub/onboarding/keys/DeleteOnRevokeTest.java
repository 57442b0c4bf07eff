package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DeleteOnRevokeTest.DeleteOnRevoke.class)
class DeleteOnRevokeTest {

    private static final String TOKEN = "Bearer fake-token-one";

    public static class DeleteOnRevoke implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.keys.delete-on-revoke", "true");
        }
    }

    @Test
    void aRevokedPermissionAlsoDeletesTheKeyAt360dialog() {
        String channel = "deleted-1";
        String key = PartnerApiStub.keysPath(channel) + "/key-" + channel;
        PartnerApiStub.stubCreated(channel);
        PartnerApiStub.server.stubFor(delete(key).willReturn(okJson("{}")));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

        try (ChannelEventsProducer events = new ChannelEventsProducer(bootstrap);
                ApiKeyEventsReader apiKeyEvents = new ApiKeyEventsReader(bootstrap)) {
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
            apiKeyEvents.await(channel, "provisioned");
            events.send(ChannelEventsProducer.revoked(channel, 4));

            String revoked = ApiKeyEventsReader.value(apiKeyEvents.await(channel, "revoked"));

            assertThat(revoked).contains("\"deletedAtHub\":true");
            PartnerApiStub.server.verify(1, deleteRequestedFor(urlEqualTo(key)));
        }
    }

    @Test
    void aKeyWhoseAnswerArrivesAfterTheRevocationIsNeverHandedOutAndIsDeleted() {
        String channel = "revoked-in-flight-1";
        aKeyArrivingLateIsWithdrawnAndDeleted(channel,
                events -> events.send(ChannelEventsProducer.revoked(channel, 4)), "permission revoked");
    }

    @Test
    void aKeyWhoseAnswerArrivesAfterTheCancellationIsNeverHandedOutAndIsDeleted() {
        String channel = "cancelled-in-flight-1";
        aKeyArrivingLateIsWithdrawnAndDeleted(channel,
                events -> events.sendSnapshot(channel, ChannelStage.CANCELLED, "cancelled", 4), "channel cancelled");
    }

    /** The key's creation answer is on the way when the channel's key is withdrawn at version 4. */
    private static void aKeyArrivingLateIsWithdrawnAndDeleted(String channel, Consumer<ChannelEventsProducer> withdraw,
            String reason) {
        PartnerApiStub.stubHubKeys(channel, 1_800);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

        try (ChannelEventsProducer events = new ChannelEventsProducer(bootstrap);
                ApiKeyEventsReader apiKeyEvents = new ApiKeyEventsReader(bootstrap)) {
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
            // 360dialog has created the key; its answer is still on the way when the withdrawal comes.
            await().atMost(ApiKeyEventsReader.PATIENCE).until(() -> PartnerApiStub.keys.creations(channel) == 1);
            withdraw.accept(events);

            String revoked = ApiKeyEventsReader.value(apiKeyEvents.await(channel, "revoked"));

            String key = "key-" + channel + "-1";
            assertThat(revoked).contains("\"keyId\":\"" + key + "\"").contains("\"reason\":\"" + reason + "\"")
                    .contains("\"deletedAtHub\":true");
            assertThat(PartnerApiStub.keys.wasDeleted(key)).isTrue();
            assertThat(apiKeyEvents.of(channel, "provisioned")).isEmpty();
            given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(410)
                    .body("error", is("channel " + channel + "'s key was withdrawn: " + reason));

            // A running event from before the withdrawal, delivered late, claims nothing.
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
            events.flush();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> PartnerApiStub.keys.creations(channel) == 1);
        }
    }

    @Test
    void aTerminatedChannelsKeyIsWithdrawnWithTheReasonAndDeletedAt360dialog() {
        String channel = "terminated-1";
        String key = PartnerApiStub.keysPath(channel) + "/key-" + channel;
        PartnerApiStub.stubCreated(channel);
        PartnerApiStub.server.stubFor(delete(key).willReturn(okJson("{}")));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

        try (ChannelEventsProducer events = new ChannelEventsProducer(bootstrap);
                ApiKeyEventsReader apiKeyEvents = new ApiKeyEventsReader(bootstrap)) {
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
            apiKeyEvents.await(channel, "provisioned");
            events.sendSnapshot(channel, ChannelStage.CANCELLED, "terminated", 4);

            String revoked = ApiKeyEventsReader.value(apiKeyEvents.await(channel, "revoked"));

            assertThat(revoked).contains("\"reason\":\"channel terminated\"").contains("\"deletedAtHub\":true");
            PartnerApiStub.server.verify(1, deleteRequestedFor(urlEqualTo(key)));
            given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(410)
                    .body("error", is("channel " + channel + "'s key was withdrawn: channel terminated"));

            // The same snapshot again (a replay of channel.state) withdraws and deletes nothing more.
            events.sendSnapshot(channel, ChannelStage.CANCELLED, "terminated", 4);
            events.sendSnapshot(channel, ChannelStage.CANCELLED, "terminated", 5);
            await().atMost(ApiKeyEventsReader.PATIENCE).until(() -> TestDatabase.query(
                    "select version from channel_view where channel_id = ?", channel).equals(List.of("5")));
            assertThat(apiKeyEvents.of(channel, "revoked")).hasSize(1);
            PartnerApiStub.server.verify(1, deleteRequestedFor(urlEqualTo(key)));
        }
    }

    @Test
    void aRevocationBeforeTheCreationIsSentStopsIt() {
        String channel = "revoked-before-post-1";
        String path = PartnerApiStub.keysPath(channel);
        // The first creation fails at once; the second attempt first lists the channel's keys, slowly.
        PartnerApiStub.server.stubFor(post(path).willReturn(aResponse().withStatus(503)));
        PartnerApiStub.server.stubFor(get(path).willReturn(okJson("{\"api_keys\":[]}").withFixedDelay(1_500)));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

        try (ChannelEventsProducer events = new ChannelEventsProducer(bootstrap)) {
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
            await().atMost(ApiKeyEventsReader.PATIENCE).until(() -> !PartnerApiStub.server.findAll(
                    getRequestedFor(urlEqualTo(path))).isEmpty());
            events.send(ChannelEventsProducer.revoked(channel, 4));

            await().atMost(ApiKeyEventsReader.PATIENCE).until(() -> TestDatabase.query(
                    "select status from key_claim where channel_id = ?", channel).equals(List.of("REVOKED")));
            // The listing's answer comes after the revocation; the fence then sends no second creation.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> PartnerApiStub.server
                    .findAll(postRequestedFor(urlEqualTo(path))).size() == 1);
            given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(404);
        }
    }
}
