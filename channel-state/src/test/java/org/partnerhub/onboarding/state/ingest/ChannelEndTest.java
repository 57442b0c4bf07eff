package org.partnerhub.onboarding.state.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.eventTypesFor;
import static org.partnerhub.onboarding.state.ingest.Onboarding.onboarding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The end of a channel, and its way back, as 360dialog's webhooks tell it (issue 15). */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ChannelEndTest {

    private static final String SUFFIX = "-end";
    private static final String CHANNEL = "y9MiLoCH" + SUFFIX;

    @Test
    void aRestrictionLiftedAndACancellationRevokedGoBackAndOneProcessedEndsTheChannel() {
        KafkaTopics.publish(onboarding(SUFFIX));
        channelOnceRunning(CHANNEL);

        KafkaTopics.publish(List.of(webhook("account_restriction", "restricted", 100)));
        awaitStage("restricted");
        KafkaTopics.publish(List.of(webhook("channel_live", "live", 200)));
        awaitStage("live");

        KafkaTopics.publish(List.of(webhook("cancellation_request", "pending_deletion", 300)));
        awaitStage("cancellation-requested");
        authorized().queryParam("stage", "cancellation-requested").queryParam("after", "y9MiLoCH-en")
                .queryParam("limit", "1").get("/channels").then().statusCode(200)
                .body("items[0].channelId", equalTo(CHANNEL));
        KafkaTopics.publish(List.of(webhook("cancellation_revoke", "live", 400)));
        awaitStage("live");

        KafkaTopics.publish(List.of(webhook("cancellation_processed", "cancelled", 500)));
        awaitStage("cancelled");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventTypesFor(CHANNEL)).containsSubsequence(
                "onboarding.channel.running.v1",
                "onboarding.channel.restricted.v1",
                "onboarding.channel.restored.v1",
                "onboarding.channel.cancellation-requested.v1",
                "onboarding.channel.restored.v1",
                "onboarding.channel.cancelled.v1"));
        assertThat(authorized().get("/channels/" + CHANNEL + "/history").then().statusCode(200).extract()
                .jsonPath().getList("kind", String.class)).contains("channel.restricted", "channel.restored",
                        "channel.cancellation-requested", "channel.cancelled");
    }

    private static void awaitStage(String stage) {
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/" + CHANNEL).then()
                .statusCode(200).body("stage", equalTo(stage)));
    }

    /** 360dialog's webhook carrying the channel object with the status it reports, received at T0 + seconds. */
    private static HubWebhook webhook(String event, String status, int seconds) {
        String body = """
                {"id": "evt-%s%s", "event": "%s",
                 "data": {"id": "%s", "client_id": "oaY9LLfUCL%s", "status": "%s", "account_mode": "live"}}
                """.formatted(event, SUFFIX, event, CHANNEL, SUFFIX, status);
        Instant receivedAt = T0.plusSeconds(seconds);
        return HubWebhooks.parse("main", body.getBytes(StandardCharsets.UTF_8), receivedAt);
    }
}
