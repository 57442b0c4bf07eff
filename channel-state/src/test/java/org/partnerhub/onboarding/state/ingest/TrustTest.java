package org.partnerhub.onboarding.state.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerhub.onboarding.state.ingest.KafkaTopics.webhook;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;
import static org.partnerhub.onboarding.state.ingest.Onboarding.eventTypesFor;
import static org.partnerhub.onboarding.state.ingest.Onboarding.onboarding;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** Redirect ids are user input: what only 360dialog and the channel's own tenant can change, end to end. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class TrustTest {

    @Inject
    Pool pool;

    private void publishAndAwaitFolded(Event event) {
        KafkaTopics.publish(List.of(event));
        Onboarding.awaitFolded(pool, event);
    }

    private static List<String> historyKinds(String channelId) {
        return authorized().get("/channels/" + channelId + "/history").then().statusCode(200).extract().jsonPath()
                .getList("kind");
    }

    @Test
    void aPendingGrantAppliesOnlyOnce360dialogNamesTheClient() {
        String channel = "y9MiLoCH-pending";
        publishAndAwaitFolded(new PermissionGranted("main", "oaY9LLfUCL-pending", channel, "tenant-42", "redirect",
                T0, "nonce-pending", Verification.PENDING));
        authorized().get("/channels/" + channel).then().statusCode(404);

        KafkaTopics.publish(List.of(webhook("channel_created", "-pending", T0.plusSeconds(2))));

        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/" + channel).then().statusCode(200)
                .body("permission.state", equalTo("granted"))
                .body("permission.source", equalTo("redirect"))
                .body("tenant", equalTo("tenant-42")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventTypesFor(channel))
                .contains("onboarding.channel.permission-granted.v1"));
    }

    @Test
    void aPendingGrantForAChannelOfAnotherClientNeverApplies() {
        String channel = "y9MiLoCH-foreign";
        KafkaTopics.publish(List.of(webhook("channel_created", "-foreign", T0.plusSeconds(2))));
        KafkaTopics.publish(List.of(new PermissionGranted("main", "someone-elses-client", channel, "tenant-42",
                "redirect", T0.plusSeconds(5), "nonce-foreign", Verification.PENDING)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(historyKinds(channel)).contains("client-conflict"));
        JsonPath snapshot = authorized().get("/channels/" + channel).then().statusCode(200).extract().jsonPath();
        assertThat(snapshot.getString("permission.state")).isEqualTo("missing");
        assertThat(snapshot.getString("clientId")).isEqualTo("oaY9LLfUCL-foreign");
        assertThat(snapshot.getString("tenant")).isEqualTo("tenant-42");
        assertThat(eventTypesFor(channel)).doesNotContain("onboarding.channel.permission-granted.v1");
    }

    @Test
    void anotherTenantsRevocationLeavesTheChannelGrantedAndIsCountedAsAConflict() {
        String channel = "y9MiLoCH-victim";
        KafkaTopics.publish(onboarding("-victim"));
        long version = channelOnceRunning(channel).getLong("version");

        PermissionRevoked forged = new PermissionRevoked("main", "oaY9LLfUCL-victim", channel, "tenant-evil",
                "redirect", T0.plusSeconds(120), "nonce-evil", Verification.CONFIRMED);
        publishAndAwaitFolded(forged);

        JsonPath history = authorized().get("/channels/" + channel + "/history").then().extract().jsonPath();
        int last = history.getList("kind").size() - 1;
        assertThat(history.getString("[" + last + "].kind")).isEqualTo("tenant-conflict");
        assertThat(history.getString("[" + last + "].fromValue")).isEqualTo("tenant-42");
        assertThat(history.getString("[" + last + "].toValue")).isEqualTo("tenant-evil");
        assertThat(history.getString("[" + last + "].eventId")).isEqualTo(forged.id());
        JsonPath snapshot = authorized().get("/channels/" + channel).then().extract().jsonPath();
        assertThat(snapshot.getString("permission.state")).isEqualTo("granted");
        assertThat(snapshot.getString("tenant")).isEqualTo("tenant-42");
        assertThat(snapshot.getLong("version")).isEqualTo(version);
        assertThat(eventTypesFor(channel)).doesNotContain("onboarding.channel.permission-revoked.v1");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().get("/q/metrics").then().statusCode(200)
                .extract().asString())
                .containsPattern("onboarding_state_tenant_conflicts_total\\{[^}]*hub=\"main\"[^}]*} [1-9]"));
    }
}
