package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;

import io.quarkus.test.junit.QuarkusTest;

/** What a channel's later stages do to its key, and that without a messaging webhook URL none is set. */
@QuarkusTest
class ChannelStagesTest extends ChannelEventsTest {

    private static final String TOKEN = "Bearer fake-token-two";

    @Test
    void aRestrictedChannelKeepsItsKeyAndKeepsItWhenTheRestrictionIsLifted() throws Exception {
        String channel = "restricted-1";
        PartnerApiStub.stubCreated(channel);
        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
        apiKeyEvents.await(channel, "provisioned");

        events.sendSnapshot(channel, ChannelStage.RESTRICTED, "restricted", 4);
        events.sendSnapshot(channel, ChannelStage.LIVE, "live", 5);
        events.flush();

        // One partition per channel, in order: once the lifted restriction is kept, the restriction was handled.
        await().atMost(ApiKeyEventsReader.PATIENCE).until(() -> TestDatabase.query(
                "select stage, version from channel_view where channel_id = ?", channel), is(List.of("LIVE", "5")));
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(200)
                .body("apiKey", is("fake-secret-" + channel));
        assertThat(apiKeyEvents.of(channel, "revoked")).isEmpty();
        assertThat(TestDatabase.query("select status from key_claim where channel_id = ?", channel))
                .containsExactly("PROVISIONED");
    }

    @Test
    void withoutAMessagingWebhookUrlNoWebhookIsSet() {
        String channel = "no-webhook-1";
        PartnerApiStub.server.stubFor(post(PartnerApiStub.keysPath(channel))
                .willReturn(PartnerApiStub.created(channel, PartnerApiStub.messagingAddress(channel))));
        PartnerApiStub.server.stubFor(post(PartnerApiStub.messagingWebhookPath(channel)).willReturn(okJson("{}")));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
        apiKeyEvents.await(channel, "provisioned");

        // With a URL configured the call follows the stored key at once (MessagingWebhookTest).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> PartnerApiStub.server
                .findAll(anyRequestedFor(urlPathMatching("/waba/.*"))).isEmpty());
        assertThat(apiKeyEvents.of(channel, "messaging-webhook")).isEmpty();
    }
}
