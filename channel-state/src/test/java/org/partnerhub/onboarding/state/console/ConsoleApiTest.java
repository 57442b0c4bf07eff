package org.partnerhub.onboarding.state.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.partnerhub.onboarding.state.ingest.KafkaTopics.webhook;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Tenant {@code tenant-console} on hub {@code main}: one channel that went running and whose key failed, one the
 * redirect permitted and 360dialog never reported. The credentials are application.properties' %test ones.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(value = KeyProvisionerStub.class, restrictToAnnotatedClass = true)
class ConsoleApiTest {

    private static final String SUFFIX = "-console";
    private static final String RUNNING = "y9MiLoCH" + SUFFIX;
    private static final String CLIENT = "oaY9LLfUCL" + SUFFIX;
    private static final String NEVER_REPORTED = "ch-console-unreported";
    private static final String OTHER_CLIENT = "cl-console-unreported";
    private static final String TENANT = "tenant-console";

    private static boolean onboarded;

    @BeforeEach
    void onboarded() {
        if (onboarded) {
            return;
        }
        // The redirect binds the tenant first; the client's partner_payload (tenant-42) comes later and conflicts.
        KafkaTopics.publish(List.of(
                new ClientLinked("main", CLIENT, TENANT, T0, "nonce" + SUFFIX),
                new PermissionGranted("main", CLIENT, RUNNING, TENANT, "redirect", T0, "nonce" + SUFFIX,
                        Verification.CONFIRMED),
                webhook("client_created", SUFFIX, T0.plusSeconds(1)),
                webhook("channel_created", SUFFIX, T0.plusSeconds(2)),
                webhook("channel_running", SUFFIX, T0.plusSeconds(60)),
                new ApiKeyFailed("main", RUNNING, "403 forbidden: not permitted", true, 5, T0.plusSeconds(120),
                        "claim" + SUFFIX),
                new ClientLinked("main", OTHER_CLIENT, TENANT, T0, "nonce-unreported"),
                new PermissionGranted("main", OTHER_CLIENT, NEVER_REPORTED, TENANT, "redirect", T0,
                        "nonce-unreported", Verification.CONFIRMED)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            authorized().get("/channels/" + RUNNING).then().statusCode(200).body("apiKey.state", equalTo("failed"));
            authorized().get("/channels/" + NEVER_REPORTED).then().statusCode(200);
        });
        onboarded = true;
    }

    @Test
    void theFunnelCountsTheTenantsChannelsPerStageWithTimeInStage() {
        JsonPath funnel = as("fake-operator-token").get("/console/api/funnel").then().statusCode(200).extract()
                .jsonPath();
        String row = "find { it.hubId == 'main' && it.tenant == '" + TENANT + "' }.stages";

        assertThat(funnel.getList(row + ".stage", String.class)).startsWith("pending", "ready", "running", "live");
        assertThat(funnel.getInt(row + ".find { it.stage == 'pending' }.channels")).isEqualTo(1);
        assertThat(funnel.getInt(row + ".find { it.stage == 'pending' }.reached")).isEqualTo(2);
        assertThat(funnel.getDouble(row + ".find { it.stage == 'pending' }.conversion")).isEqualTo(0.5);
        assertThat(funnel.getInt(row + ".find { it.stage == 'running' }.channels")).isEqualTo(1);
        assertThat(funnel.getInt(row + ".find { it.stage == 'pending' }.stays")).isEqualTo(1);
        assertThat(funnel.getLong(row + ".find { it.stage == 'pending' }.p50Seconds"))
                .as("permitted at T0, running at T0+60s").isEqualTo(60);
        assertThat(funnel.getInt(row + ".find { it.stage == 'live' }.channels")).isZero();
    }

    @Test
    void stuckChannelsSayWhatTheyWaitFor() {
        JsonPath stuck = as("fake-retrier-token").get("/console/api/stuck").then().statusCode(200).extract()
                .jsonPath();

        assertThat(stuck.getString("find { it.channelId == '" + NEVER_REPORTED + "' }.waitingFor"))
                .isEqualTo("waiting for 360dialog: not reported yet");
        assertThat(stuck.getString("find { it.channelId == '" + RUNNING + "' }.waitingFor"))
                .isEqualTo("key claim failed: 403 forbidden: not permitted");
        assertThat(stuck.getList("tenant", String.class)).containsOnly(TENANT);
    }

    @Test
    void failedKeysListTheReasonAndTheTimelineMarksTheConflict() {
        as("fake-retrier-token").get("/console/api/failed-keys").then().statusCode(200)
                .body("channelId", equalTo(List.of(RUNNING)))
                .body("[0].reason", equalTo("403 forbidden: not permitted"));

        JsonPath timeline = as("fake-retrier-token").get("/console/api/channels/" + RUNNING + "/timeline").then()
                .statusCode(200).body("channel.tenant", equalTo(TENANT)).extract().jsonPath();
        assertThat(timeline.getList("entries.kind", String.class)).contains("channel.created",
                "channel.status-changed", "channel.running", "api-key", "tenant-conflict");
        assertThat(timeline.getString("entries.find { it.kind == 'tenant-conflict' }.mark")).isEqualTo("conflict");
        assertThat(timeline.getString("entries.find { it.kind == 'tenant-conflict' }.toValue"))
                .isEqualTo("tenant-42");
        assertThat(timeline.getString("entries.find { it.kind == 'channel.running' }.source")).isEqualTo("webhook");
        assertThat(timeline.getString("entries.find { it.kind == 'channel.running' }.mark")).isNull();
    }

    @Test
    void aCredentialSeesOnlyItsHubsAndTenants() {
        as("fake-tenant42-token").get("/console/api/funnel").then().statusCode(200)
                .body("tenant", not(hasItem(TENANT)));
        as("fake-tenant42-token").get("/console/api/stuck").then().statusCode(200)
                .body("channelId", not(hasItem(NEVER_REPORTED)));
        as("fake-tenant42-token").get("/console/api/failed-keys").then().statusCode(200)
                .body("channelId", not(hasItem(RUNNING)));
        String unknown = as("fake-tenant42-token").get("/console/api/channels/no-such-channel/timeline").then()
                .statusCode(404).extract().path("error");
        as("fake-tenant42-token").get("/console/api/channels/" + RUNNING + "/timeline").then().statusCode(404)
                .body("error", equalTo(unknown.replace("no-such-channel", RUNNING)));
        as("fake-partnerhub-token").get("/console/api/funnel").then().statusCode(200)
                .body("hubId", not(hasItem("main")));
    }

    @Test
    void everyDataCallNeedsAKnownTokenWithItsScope() {
        given().get("/console/api/funnel").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/console/api/stuck").then().statusCode(401);
        as("fake-keysonly-token").get("/console/api/funnel").then().statusCode(403);
        as("fake-keysonly-token").get("/console/api/channels/" + RUNNING + "/timeline").then().statusCode(403);
        int before = KeyProvisionerStub.retriesOf(RUNNING).size();
        given().post("/console/api/channels/" + RUNNING + "/api-key/retry").then().statusCode(401);
        as("fake-operator-token").post("/console/api/channels/" + RUNNING + "/api-key/retry").then().statusCode(403)
                .body("error", equalTo("credential 'operator' lacks the scope keys:retry"));
        assertThat(KeyProvisionerStub.retriesOf(RUNNING)).hasSize(before);
    }

    @Test
    void theSettingsOfferRetryOnlyToACredentialWithKeysRetry() {
        as("fake-operator-token").get("/console/api/settings").then().statusCode(200)
                .body("credential", equalTo("operator")).body("canRetry", equalTo(false))
                .body("retryConfigured", equalTo(true)).body("stuckAfterSeconds", equalTo(3600));
        as("fake-retrier-token").get("/console/api/settings").then().statusCode(200)
                .body("canRetry", equalTo(true));
    }

    @Test
    void aRetryIsForwardedWithChannelStatesCredentialAndItsAnswerPassedBack() {
        KeyProvisionerStub.answers(RUNNING, 202, "{\"channelId\":\"" + RUNNING + "\",\"status\":\"PENDING\"}");
        as("fake-retrier-token").post("/console/api/channels/" + RUNNING + "/api-key/retry").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        assertThat(KeyProvisionerStub.retriesOf(RUNNING)).isNotEmpty().allSatisfy(request ->
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer fake-console-token"));

        KeyProvisionerStub.answers(NEVER_REPORTED, 409, "{\"error\":\"the claim is PROVISIONED, not FAILED\"}");
        as("fake-retrier-token").post("/console/api/channels/" + NEVER_REPORTED + "/api-key/retry").then()
                .statusCode(409).body("error", equalTo("the claim is PROVISIONED, not FAILED"));
    }

    @Test
    void aRetryOfAChannelOutsideTheCredentialsReachIsNotForwarded() {
        int before = KeyProvisionerStub.retriesOf(NEVER_REPORTED).size();
        as("fake-retrier7-token").post("/console/api/channels/" + NEVER_REPORTED + "/api-key/retry").then()
                .statusCode(404);
        assertThat(KeyProvisionerStub.retriesOf(NEVER_REPORTED)).hasSize(before);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
