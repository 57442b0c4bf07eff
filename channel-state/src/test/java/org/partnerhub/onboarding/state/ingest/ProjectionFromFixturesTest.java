package org.partnerhub.onboarding.state.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.eventTypesFor;
import static org.partnerhub.onboarding.state.ingest.Onboarding.onboarding;
import static org.partnerhub.onboarding.state.ingest.KafkaTopics.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.state.outbox.Outgoing;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ProjectionFromFixturesTest {

    private static void assertOnboarded(String suffix) {
        String channelId = "y9MiLoCH" + suffix;
        JsonPath snapshot = channelOnceRunning(channelId);
        assertThat(snapshot.getString("stage")).isEqualTo("running");
        assertThat(snapshot.getString("clientId")).isEqualTo("oaY9LLfUCL" + suffix);
        assertThat(snapshot.getString("tenant")).isEqualTo("tenant-42");
        assertThat(snapshot.getString("phoneNumber")).isEqualTo("4915123456789");
        assertThat(snapshot.getString("accountMode")).isEqualTo("live");
        assertThat(snapshot.getString("permission.state")).isEqualTo("granted");
        assertThat(snapshot.getString("permission.source")).isEqualTo("redirect");
        assertThat(snapshot.getString("apiKey.state")).isEqualTo("none");

        List<String> kinds = authorized().get("/channels/" + channelId + "/history").then().statusCode(200)
                .extract().jsonPath().getList("kind");
        assertThat(kinds).contains("channel.created", "channel.status-changed", "channel.running",
                "channel.permission-granted");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventTypesFor(channelId)).contains(
                "onboarding.channel.created.v1", "onboarding.channel.status-changed.v1",
                "onboarding.channel.running.v1", "onboarding.channel.permission-granted.v1"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(KafkaTopics.readAll("channel.state").stream()
                .filter(record -> channelId.equals(record.key()))
                .map(record -> JsonPath.from(new String(record.value(), StandardCharsets.UTF_8)).getLong("version"))
                .toList()).last().isEqualTo(snapshot.getLong("version")));
        authorized().get("/clients/oaY9LLfUCL" + suffix).then().statusCode(200).body("tenant", equalTo("tenant-42"))
                .body("name", equalTo("Acme Bakery GmbH"));
    }

    @Test
    void theFixturesInOrderGiveARunningChannelWithItsHistoryAndEvents() {
        KafkaTopics.publish(onboarding("-in-order"));

        assertOnboarded("-in-order");
        assertThat(eventTypesFor("y9MiLoCH-in-order")).filteredOn("onboarding.channel.running.v1"::equals)
                .hasSize(1);
    }

    @Test
    void theFixturesShuffledGiveTheSameChannel() {
        List<Event> shuffled = new ArrayList<>(onboarding("-shuffled"));
        Collections.shuffle(shuffled, new Random(42));
        Collections.reverse(shuffled.subList(0, 3));

        KafkaTopics.publish(shuffled);

        assertOnboarded("-shuffled");
    }

    @Test
    void whatAWebhookLeadsToIsPublishedInItsTraceUnderTheFoldsOwnSpan() {
        TraceParent webhookSpan = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .orElseThrow();

        KafkaTopics.publish(List.of(webhook("channel_running", "-traced", T0)), Optional.of(webhookSpan));

        channelOnceRunning("y9MiLoCH-traced");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            published.addAll(KafkaTopics.readAll("channel.events"));
            published.addAll(KafkaTopics.readAll("channel.state"));
            List<TraceParent> traces = published.stream().filter(record -> "y9MiLoCH-traced".equals(record.key()))
                    .map(record -> TraceParent.from(record.headers()).orElseThrow()).toList();
            assertThat(traces).isNotEmpty().allSatisfy(trace -> {
                assertThat(trace.traceId()).isEqualTo(webhookSpan.traceId());
                assertThat(trace).isNotEqualTo(webhookSpan);
            });
        });
    }

    @Test
    void anEventPublishedTwiceChangesNothing() {
        KafkaTopics.publish(onboarding("-twice"));
        long version = channelOnceRunning("y9MiLoCH-twice").getLong("version");
        int history = authorized().get("/channels/y9MiLoCH-twice/history").then().extract().jsonPath()
                .getList("kind").size();

        KafkaTopics.publish(onboarding("-twice"));
        KafkaTopics.publish(onboarding("-after-twice"));
        channelOnceRunning("y9MiLoCH-after-twice");

        assertThat(channelOnceRunning("y9MiLoCH-twice").getLong("version")).isEqualTo(version);
        assertThat(authorized().get("/channels/y9MiLoCH-twice/history").then().extract().jsonPath()
                .getList("kind")).hasSize(history);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillApplied() {
        KafkaTopics.publishRaw("hub.webhooks", "y9MiLoCH-poisoned", "{not json".getBytes(StandardCharsets.UTF_8));
        KafkaTopics.publish(List.of(webhook("channel_running", "-poisoned", T0)));

        channelOnceRunning("y9MiLoCH-poisoned");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = KafkaTopics.readAll("hub.webhooks.dlq").stream()
                    .filter(record -> "y9MiLoCH-poisoned".equals(record.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(KafkaTopics.header(dead.getFirst(), Outgoing.DEAD_LETTER_REASON))
                    .contains("missing header ce_specversion");
        });
    }

    @Test
    void theQueryApiWantsATokenAnswers404ForUnknownIdsAnd400ForBadParameters() {
        given().get("/channels/anything").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/channels/anything").then().statusCode(401);
        authorized().get("/channels/no-such-channel").then().statusCode(404);
        authorized().get("/channels/no-such-channel/history").then().statusCode(404);
        authorized().get("/clients/no-such-client").then().statusCode(404);
        authorized().queryParam("stage", "almost").get("/channels").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("stage must be one of"));
        authorized().queryParam("limit", "0").get("/channels").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("limit"));
    }

    @Test
    void theQueryApiIsDocumentedWithOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/channels'.get.parameters.name", org.hamcrest.Matchers.hasItems("tenant", "client",
                        "hub", "stage", "limit", "after"))
                .body("paths.'/channels/{id}/history'.get.responses.'404'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/clients/{id}'.get.responses.'200'", org.hamcrest.Matchers.notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void channelsAreListedByFilterOnePageAtATime() {
        KafkaTopics.publish(onboarding("-page-a"));
        KafkaTopics.publish(onboarding("-page-b"));
        channelOnceRunning("y9MiLoCH-page-a");
        channelOnceRunning("y9MiLoCH-page-b");

        JsonPath first = authorized().queryParam("tenant", "tenant-42").queryParam("stage", "running")
                .queryParam("limit", "1").queryParam("after", "y9MiLoCH-page-").get("/channels").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.channelId")).containsExactly("y9MiLoCH-page-a");
        JsonPath second = authorized().queryParam("tenant", "tenant-42").queryParam("limit", "1")
                .queryParam("after", first.getString("next")).get("/channels").then().extract().jsonPath();
        assertThat(second.getList("items.channelId")).containsExactly("y9MiLoCH-page-b");
    }
}
