package org.partnerhub.onboarding.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import org.partnerhub.onboarding.testkit.FreePorts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(BrokerUnreachableTest.NoBroker.class)
class BrokerUnreachableTest {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);

    /**
     * Kafka at a port nobody listens on, and no topic creation that would wait for it at start-up. One request in
     * flight at most: it then stays in flight for the whole publish timeout, long enough to be overtaken.
     */
    public static class NoBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.pick(),
                    "onboarding.topics.create", "false",
                    "onboarding.ingest.publish-timeout", PUBLISH_TIMEOUT.toMillis() + "ms",
                    "onboarding.ingest.retry-after", "7s",
                    "onboarding.ingest.max-in-flight", "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestHubs.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void answers503WithRetryAfterWithinThePublishTimeout() {
        byte[] body = WebhookIngestTest.webhook("evt-no-broker");
        String secret = ConfigProvider.getConfig().getValue("onboarding.hubs.main.webhook-secret", String.class);
        // REST Assured's first request loads Groovy, which can take seconds on a busy machine: not ours to time.
        given().when().get("/q/health/live").then().statusCode(200);
        long started = System.nanoTime();

        given().contentType("application/json").header(SignatureVerifier.HEADER, Signatures.sign(secret, body))
                .body(body)
                .when().post("/webhooks/360dialog/main")
                .then().statusCode(503)
                .header("Retry-After", is("7"))
                // Not "too many in flight": every earlier request of this class has given its slot back.
                .body("error", is("the webhook could not be stored in time, retry later"));

        // Generous: only "answered, not hung" is asserted here; latency belongs to the benchmark.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PUBLISH_TIMEOUT.plusSeconds(15));
    }

    @Test
    void requestsBeyondTheInFlightBoundAreRefusedAtOnce() {
        String secret = ConfigProvider.getConfig().getValue("onboarding.hubs.main.webhook-secret", String.class);
        List<Response> responses;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Response>> answers = IntStream.range(0, 6)
                    .mapToObj(i -> WebhookIngestTest.webhook("evt-flood-" + i))
                    .map(body -> CompletableFuture.supplyAsync(() -> given().contentType("application/json")
                            .header(SignatureVerifier.HEADER, Signatures.sign(secret, body)).body(body)
                            .when().post("/webhooks/360dialog/main").andReturn(), clients))
                    .toList();
            responses = answers.stream().map(CompletableFuture::join).toList();
        }

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isEqualTo("7");
        });
        assertThat(responses).extracting(response -> response.jsonPath().getString("error"))
                .contains("too many webhooks in flight, retry later");
    }

    @Test
    void aRetryOnceTheBrokerIsStillAwayIsRefusedAgainNotTakenForADuplicate() {
        byte[] body = WebhookIngestTest.webhook("evt-no-broker-retry");
        String secret = ConfigProvider.getConfig().getValue("onboarding.hubs.main.webhook-secret", String.class);

        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType("application/json").header(SignatureVerifier.HEADER, Signatures.sign(secret, body))
                    .body(body)
                    .when().post("/webhooks/360dialog/main")
                    .then().statusCode(503);
        }
    }
}
