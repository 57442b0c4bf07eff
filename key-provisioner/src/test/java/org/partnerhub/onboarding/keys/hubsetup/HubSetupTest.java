package org.partnerhub.onboarding.keys.hubsetup;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.keys.PartnerApiStub;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The stub answers a stale webhook URL and the configured redirect URL (see {@link PartnerApiStub}). */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class HubSetupTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String WEBHOOK_URL = PartnerApiStub.PARTNER + "/webhook_url";
    /** The configured URL and static header (test application.properties). */
    private static final String REGISTRATION = "{\"webhook_url\":\"https://keys.example/webhooks/360dialog/main\","
            + "\"headers\":{\"X-Hook-Token\":\"fake-hook-header-value\"}}";

    @Inject
    HubSetup setup;

    @Test
    void setsTheStaleWebhookUrlWithItsStaticHeaderAndLeavesTheRedirectUrlAlone() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(setup.outcomes())
                .containsEntry("main", new SetupOutcome.Aligned()));
        PartnerApiStub.server.verify(postRequestedFor(urlEqualTo(WEBHOOK_URL))
                .withRequestBody(equalToJson(REGISTRATION)));
        PartnerApiStub.server.verify(0, patchRequestedFor(urlEqualTo(PartnerApiStub.PARTNER)));
        given().get("/q/health/well").then().statusCode(200).body("status", is("UP"))
                .body("checks[0].data.main", is("in line with configuration"));
    }

    @Test
    void twoReplicasSettingUpAtOnceTakeTurns() {
        await().atMost(PATIENCE).until(() -> setup.outcomes().get("main") instanceof SetupOutcome.Aligned);
        // A slow read leaves plenty of time for the other run to interleave, were it not for the lock.
        StubMapping slowRead = PartnerApiStub.server.stubFor(get(WEBHOOK_URL)
                .willReturn(okJson("{\"webhook_url\":\"https://old.example/hook\"}").withFixedDelay(500)));
        PartnerApiStub.server.resetRequests();
        try {
            // Two runs on one database are two replicas as far as the lock is concerned: it lives in PostgreSQL.
            Uni.join().all(setup.alignAll(), setup.alignAll()).andFailFast().await().atMost(PATIENCE);
        } finally {
            PartnerApiStub.server.removeStub(slowRead);
        }

        List<String> calls = PartnerApiStub.server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest)
                .map(request -> request.getMethod() + " " + request.getUrl())
                .toList();
        String read = "GET " + WEBHOOK_URL;
        String partner = "GET " + PartnerApiStub.PARTNER;
        String set = "POST " + WEBHOOK_URL;
        assertThat(calls).containsExactly(read, partner, set, read, partner, set);
        assertThat(setup.outcomes()).containsEntry("main", new SetupOutcome.Aligned());
    }
}
