package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An operator's retry of a FAILED claim; the same resources as {@link KeyProvisioningTest}, so the same boot. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class OperatorRetryTest extends ChannelEventsTest {

    private static final String TOKEN = "Bearer fake-token-one";
    private static final String RETRY = "/channels/{id}/api-key/retry";

    @Test
    void aClaimThatFailedOnA403IsProvisionedByOneRetryOnceTheCauseIsFixed() throws Exception {
        String channel = "operator-retry-1";
        String path = PartnerApiStub.keysPath(channel);
        PartnerApiStub.server.stubFor(post(path).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"meta\":{\"success\":false,\"developer_message\":\"partner key lacks permission\"}}")));
        failClaim(channel, "partner key lacks permission");

        PartnerApiStub.server.stubFor(get(path).willReturn(okJson("{\"api_keys\":[]}")));
        PartnerApiStub.stubCreated(channel);
        List<Response> answers = retryTwiceAtOnce(channel);

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 409);
        Response accepted = answers.stream().filter(answer -> answer.statusCode() == 202).findFirst().orElseThrow();
        assertThat(accepted.jsonPath().getString("channelId")).isEqualTo(channel);
        assertThat(accepted.jsonPath().getString("status")).isEqualTo("PENDING");
        Response refused = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.jsonPath().getString("error")).startsWith("the claim is ");

        apiKeyEvents.await(channel, "provisioned");
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(200)
                .body("apiKey", is("fake-secret-" + channel));
        given().header("Authorization", TOKEN).post(RETRY, channel).then().statusCode(409)
                .body("error", is("the claim is PROVISIONED: the key is already provisioned"));
        assertThat(apiKeyEvents.of(channel, "provisioned")).hasSize(1);
        assertThat(apiKeyEvents.of(channel, "failed")).hasSize(1);
        PartnerApiStub.server.verify(2, postRequestedFor(urlEqualTo(path)));
        PartnerApiStub.server.verify(1, getRequestedFor(urlEqualTo(path)));
        assertThat(TestDatabase.query("select status, attempts, last_error from key_claim where channel_id = ?",
                channel)).containsExactly("PROVISIONED", "2", null);
    }

    @Test
    void aRetriedClaimAdoptsTheKeyItsEarlierAttemptCreatedInsteadOfCreatingAnother() throws Exception {
        String channel = "operator-retry-adopt-1";
        String path = PartnerApiStub.keysPath(channel);
        // 360dialog created the key, but the answer that reached us does not carry it.
        PartnerApiStub.server.stubFor(post(path).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"key-" + channel + "\"}")));
        failClaim(channel, "the answer carries no key");
        PartnerApiStub.server.stubFor(get(path).willReturn(okJson("{\"api_keys\":[{\"id\":\"key-" + channel
                + "\",\"api_key\":\"fake-secret-" + channel + "\",\"address\":\"https://waba.example\","
                + "\"created_at\":\"" + Instant.now() + "\"}]}")));

        given().header("Authorization", TOKEN).post(RETRY, channel).then().statusCode(202);

        apiKeyEvents.await(channel, "provisioned");
        PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(path)));
        PartnerApiStub.server.verify(1, getRequestedFor(urlEqualTo(path)));
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(200)
                .body("apiKey", is("fake-secret-" + channel));
    }

    @Test
    void aRevokedPermissionsClaimIsNotRetried() throws Exception {
        String channel = "operator-retry-revoked-1";
        PartnerApiStub.server.stubFor(post(PartnerApiStub.keysPath(channel)).willReturn(aResponse().withStatus(400)));
        failClaim(channel, "HTTP 400");
        events.send(ChannelEventsProducer.revoked(channel, 3));
        await().atMost(ApiKeyEventsReader.PATIENCE).until(() -> TestDatabase.query(
                "select status from key_claim where channel_id = ?", channel), is(List.of("REVOKED")));

        given().header("Authorization", TOKEN).post(RETRY, channel).then().statusCode(409).body("error",
                is("the claim is REVOKED: the key was withdrawn (permission revoked or channel cancelled); the next "
                        + "grant takes a new claim"));
    }

    @Test
    void aRetryNeedsAConfiguredTokenAndAClaim() {
        given().post(RETRY, "nobody").then().statusCode(401)
                .body("error", is("a configured bearer token is required"));
        given().header("Authorization", "Bearer fake-token-unknown").post(RETRY, "nobody").then().statusCode(401);
        given().header("Authorization", TOKEN).post(RETRY, "nobody").then().statusCode(404)
                .body("error", is("channel nobody has no claim for a key"));
    }

    private static void failClaim(String channel, String reason) throws Exception {
        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 2));
        assertThat(ApiKeyEventsReader.value(apiKeyEvents.await(channel, "failed"))).contains("\"permanent\":true")
                .contains(reason);
        assertThat(TestDatabase.query("select status from key_claim where channel_id = ?", channel))
                .containsExactly("FAILED");
    }

    private static List<Response> retryTwiceAtOnce(String channel) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Callable<Response> retry = () -> given().header("Authorization", TOKEN).post(RETRY, channel);
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : callers.invokeAll(List.of(retry, retry))) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            callers.shutdown();
        }
    }
}
