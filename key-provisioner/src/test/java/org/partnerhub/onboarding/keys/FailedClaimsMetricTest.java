package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gauge {@code keys_claims_failed} as Prometheus scrapes it, counted every second in tests. Other tests of this
 * boot leave FAILED claims of hub {@code main} behind, so the gauge is read before and compared with that.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class FailedClaimsMetricTest extends ChannelEventsTest {

    private static final String SERIES = "keys_claims_failed{application=\"key-provisioner\",hub=\"main\"}";

    @Test
    void aFailedClaimIsCountedUntilItsRetryProvisionsTheKey() throws Exception {
        await().atMost(ApiKeyEventsReader.PATIENCE).untilAsserted(() -> assertThat(failed()).isEqualTo(failedInDb()));
        double before = failed();
        String channel = "failed-metric-1";
        String path = PartnerApiStub.keysPath(channel);
        PartnerApiStub.server.stubFor(post(path).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"meta\":{\"success\":false,\"developer_message\":\"partner key lacks permission\"}}")));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 2));
        apiKeyEvents.await(channel, "failed");
        await().atMost(ApiKeyEventsReader.PATIENCE).untilAsserted(() -> assertThat(failed()).isEqualTo(before + 1));

        PartnerApiStub.server.stubFor(get(path).willReturn(okJson("{\"api_keys\":[]}")));
        PartnerApiStub.stubCreated(channel);
        given().header("Authorization", "Bearer fake-token-one").post("/channels/{id}/api-key/retry", channel).then()
                .statusCode(202);
        apiKeyEvents.await(channel, "provisioned");
        await().atMost(ApiKeyEventsReader.PATIENCE).untilAsserted(() -> assertThat(failed()).isEqualTo(before));
    }

    private static double failed() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(SERIES)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    private static double failedInDb() throws SQLException {
        return Double.parseDouble(TestDatabase.query(
                "select count(*) from key_claim where status = 'FAILED' and hub_id = ?", "main").getFirst());
    }
}
