package org.partnerhub.onboarding.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.partnerhub.onboarding.testkit.FreePorts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The gateway pointed at a port where no broker listens: a redirect must not be reported as recorded. */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.NoBroker.class)
class KafkaUnavailableTest {

    public static class NoBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.pick(),
                    "onboarding.topics.create", "false",
                    "onboarding.gateway.publish-timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GatewayTestResource.class),
                    new TestResourceEntry(PartnerApiStub.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void aRedirectThatKafkaDidNotAcknowledgeAsksToRetryAndHandsNothingToTheOpener() {
        Flows.Started flow = Flows.start("main");
        PartnerApiStub.client(GatewayTestResource.MAIN_PARTNER, "oaY9LLfUCL", flow.tenant(), "y9MiLoCH");

        given().cookie(Flows.NONCE_COOKIE, flow.nonce())
                .queryParam("client", "oaY9LLfUCL").queryParam("channels", "[y9MiLoCH]")
                .queryParam("state", flow.state())
                .when().get("/onboarding/redirect")
                .then().statusCode(503)
                .body(containsString("Reload this page to try again"))
                .body(containsString("\"message\":null"))
                .body(not(containsString("y9MiLoCH")));

        given().accept("text/plain").when().get("/q/metrics").then()
                .body(containsString("onboarding_redirects_rejected_total{application=\"onboarding-gateway\","
                        + "reason=\"kafka-unavailable\""));
    }
}
