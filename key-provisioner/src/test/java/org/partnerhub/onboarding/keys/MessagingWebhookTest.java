package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A hub with a messaging webhook URL: each new key points its number's webhook there, at the key's address. */
@QuarkusTest
@TestProfile(MessagingWebhookTest.WithMessagingWebhook.class)
class MessagingWebhookTest extends ChannelEventsTest {

    public static class WithMessagingWebhook implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.hubs.main.messaging-webhook-url",
                    "https://partner.example/wa/{tenant}/{channelId}?client={clientId}");
        }
    }

    /** What the template makes of the test channels: tenant-1 and client-1 come with their snapshots. */
    private static String url(String channel) {
        return "https://partner.example/wa/tenant-1/" + channel + "?client=client-1";
    }

    private static void stubKeyAtStub(String channel) {
        PartnerApiStub.server.stubFor(post(PartnerApiStub.keysPath(channel))
                .willReturn(PartnerApiStub.created(channel, PartnerApiStub.messagingAddress(channel))));
    }

    private static List<String> setWebhookCalls(String channel, String key) {
        return PartnerApiStub.server.findAll(postRequestedFor(urlEqualTo(PartnerApiStub.messagingWebhookPath(channel)))
                .withHeader("D360-API-KEY", equalTo(key))
                .withRequestBody(equalToJson("{\"url\":\"" + url(channel) + "\"}")))
                .stream().map(request -> request.getBodyAsString()).toList();
    }

    @Test
    void theNewKeySetsTheNumbersWebhookAtItsAddress() {
        String channel = "webhook-1";
        stubKeyAtStub(channel);
        PartnerApiStub.server.stubFor(post(PartnerApiStub.messagingWebhookPath(channel))
                .willReturn(okJson("{\"url\":\"" + url(channel) + "\"}")));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));

        String set = ApiKeyEventsReader.value(apiKeyEvents.await(channel, "messaging-webhook.set"));
        assertThat(set).contains("\"url\":\"" + url(channel) + "\"").contains("\"keyId\":\"key-" + channel + "\"")
                .doesNotContain("fake-secret");
        assertThat(setWebhookCalls(channel, "fake-secret-" + channel)).hasSize(1);
        PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(PartnerApiStub.messagingWebhookPath(channel))));
    }

    @Test
    void aServerErrorIsRetriedUntilTheWebhookIsSet() throws Exception {
        String channel = "webhook-503-1";
        String path = PartnerApiStub.messagingWebhookPath(channel);
        stubKeyAtStub(channel);
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs("up")
                .willReturn(okJson("{\"url\":\"" + url(channel) + "\"}")));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));

        String set = ApiKeyEventsReader.value(apiKeyEvents.await(channel, "messaging-webhook.set"));
        assertThat(set).contains("\"attempts\":2");
        assertThat(apiKeyEvents.of(channel, "messaging-webhook.failed")).singleElement()
                .satisfies(failed -> assertThat(ApiKeyEventsReader.value(failed)).contains("\"permanent\":false")
                        .contains("HTTP 503").doesNotContain("fake-secret"));
        assertThat(setWebhookCalls(channel, "fake-secret-" + channel)).hasSize(2);
        assertThat(TestDatabase.query("select status, attempts from messaging_webhook where channel_id = ?", channel))
                .containsExactly("SET", "2");
    }

    @Test
    void aRecreatedKeySetsTheWebhookAgainWithItself() {
        String channel = "webhook-again-1";
        PartnerApiStub.stubHubKeys(channel, 0);
        PartnerApiStub.keys.address(channel, PartnerApiStub.messagingAddress(channel));
        PartnerApiStub.server.stubFor(post(PartnerApiStub.messagingWebhookPath(channel))
                .willReturn(okJson("{\"url\":\"" + url(channel) + "\"}")));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
        apiKeyEvents.await(channel, "messaging-webhook.set");
        events.send(ChannelEventsProducer.revoked(channel, 4));
        apiKeyEvents.await(channel, "revoked");
        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 5));

        await().atMost(ApiKeyEventsReader.PATIENCE)
                .until(() -> apiKeyEvents.of(channel, "messaging-webhook.set").size() == 2);
        assertThat(apiKeyEvents.of(channel, "messaging-webhook.set")).map(ApiKeyEventsReader::value)
                .satisfiesExactly(
                        first -> assertThat(first).contains("\"keyId\":\"key-" + channel + "-1\""),
                        second -> assertThat(second).contains("\"keyId\":\"key-" + channel + "-2\""));
        assertThat(setWebhookCalls(channel, HubKeys.secret("key-" + channel + "-1"))).hasSize(1);
        assertThat(setWebhookCalls(channel, HubKeys.secret("key-" + channel + "-2"))).hasSize(1);
    }

    @Test
    void aRefusalEndsItWithMessagingWebhookFailed() throws Exception {
        String channel = "webhook-401-1";
        stubKeyAtStub(channel);
        PartnerApiStub.server.stubFor(post(PartnerApiStub.messagingWebhookPath(channel)).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"meta\":{\"developer_message\":\"Invalid api key\"}}")));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));

        ConsumerRecord<String, byte[]> failed = apiKeyEvents.await(channel, "messaging-webhook.failed");
        assertThat(ApiKeyEventsReader.value(failed)).contains("\"permanent\":true").contains("HTTP 401")
                .contains("Invalid api key").contains("\"url\":\"" + url(channel) + "\"")
                .doesNotContain("fake-secret");
        assertThat(TestDatabase.query("select status, last_error from messaging_webhook where channel_id = ?", channel))
                .first().isEqualTo("FAILED");
        PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(PartnerApiStub.messagingWebhookPath(channel))));
        assertThat(apiKeyEvents.of(channel, "messaging-webhook.set")).isEmpty();
    }
}
