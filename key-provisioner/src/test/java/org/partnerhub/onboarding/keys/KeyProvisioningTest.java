package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class KeyProvisioningTest extends ChannelEventsTest {

    private static final String TOKEN = "Bearer fake-token-two";

    @Inject
    CrashingFaults faults;

    @Test
    void theSameRunningEventDeliveredTwentyTimesAtOnceCreatesOneKey() throws Exception {
        String channel = "concurrent-1";
        stubCreated(channel);

        ExecutorService senders = Executors.newFixedThreadPool(20);
        try {
            var running = ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 7);
            senders.invokeAll(IntStream.range(0, 20).<java.util.concurrent.Callable<Void>>mapToObj(i -> () -> {
                events.send(running);
                return null;
            }).toList());
        } finally {
            senders.shutdown();
        }
        events.flush();

        ConsumerRecord<String, byte[]> provisioned = awaitEvent(channel, "provisioned");
        assertThat(ApiKeyEventsReader.value(provisioned)).contains("key-" + channel).doesNotContain("fake-secret");
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(200)
                .body("channelId", is(channel))
                .body("apiKey", is("fake-secret-" + channel))
                .body("address", is("https://waba.example"))
                .body("appId", is("app-" + channel));
        PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(keysPath(channel))));
        assertThat(query("select count(*) from key_claim where channel_id = ?", channel)).containsExactly("1");
    }

    @Test
    void theStoredRowHoldsNoPlaintextKey() throws Exception {
        String channel = "stored-1";
        stubCreated(channel);
        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));

        awaitEvent(channel, "provisioned");

        try (Connection db = TestDatabase.connect(); var statement = db.prepareStatement(
                "select * from channel_api_key where channel_id = ?")) {
            statement.setString(1, channel);
            ResultSet row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString("kek_id")).isEqualTo("test-2");
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                byte[] value = row.getBytes(column);
                if (value != null) {
                    assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain("fake-secret");
                }
            }
        }
    }

    @Test
    void theKeyIsReportedInTheTraceOfTheEventThatClaimedIt() throws Exception {
        String channel = "traced-1";
        stubCreated(channel);
        TraceParent fold = TraceParent.parse("00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3), fold);

        TraceParent provisioned = TraceParent.from(awaitEvent(channel, "provisioned").headers()).orElseThrow();
        assertThat(provisioned.traceId()).isEqualTo(fold.traceId());
        assertThat(provisioned).as("the attempt's own span, not the fold's").isNotEqualTo(fold);
        String claimSpan = query("select trace_parent from key_claim where channel_id = ?", channel).getFirst();
        assertThat(TraceParent.parse(claimSpan).orElseThrow().traceId()).isEqualTo(fold.traceId());
        assertThat(claimSpan).isNotIn(fold.value(), provisioned.value());
    }

    @Test
    void rateLimitsServerErrorsAndTimeoutsAreRetriedUntilTheKeyIsCreated() throws Exception {
        String channel = "retry-1";
        String path = keysPath(channel);
        PartnerApiStub.server.stubFor(get(path).willReturn(okJson("{\"api_keys\":[]}")));
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("503"));
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs("503")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("slow"));
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs("slow")
                .willReturn(PartnerApiStub.created(channel).withFixedDelay(5_000)).willSetStateTo("ok"));
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs("ok")
                .willReturn(PartnerApiStub.created(channel)));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 4));

        awaitEvent(channel, "provisioned");
        PartnerApiStub.server.verify(4, postRequestedFor(urlEqualTo(path)));
        assertThat(apiKeyEvents.of(channel, "failed")).hasSize(3)
                .allSatisfy(failed -> assertThat(ApiKeyEventsReader.value(failed)).contains("\"permanent\":false"));
        assertThat(query("select status, attempts from key_claim where channel_id = ?", channel))
                .containsExactly("PROVISIONED", "4");
    }

    @Test
    void clientErrorsFailTheClaimWithTheReason() throws Exception {
        for (int status : new int[] {400, 403, 404}) {
            String channel = "refused-" + status;
            PartnerApiStub.server.stubFor(post(keysPath(channel)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"meta\":{\"success\":false,\"developer_message\":\"refused " + status + "\"}}")));
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 2));
        }

        for (int status : new int[] {400, 403, 404}) {
            String channel = "refused-" + status;
            String failed = ApiKeyEventsReader.value(awaitEvent(channel, "failed"));
            assertThat(failed).contains("\"permanent\":true").contains("HTTP " + status).contains("refused " + status);
            assertThat(query("select status, last_error from key_claim where channel_id = ?", channel))
                    .first().isEqualTo("FAILED");
            PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(keysPath(channel))));
        }
    }

    @Test
    void a400SayingTheChannelIsNotRunningYetIsRetriedWithinTheGrace() throws Exception {
        String channel = "lagging-1";
        String path = keysPath(channel);
        PartnerApiStub.server.stubFor(get(path).willReturn(okJson("{\"api_keys\":[]}")));
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"meta\":{\"success\":false,\"developer_message\":\"Channel is not running\"}}"))
                .willSetStateTo("running"));
        PartnerApiStub.server.stubFor(post(path).inScenario(channel).whenScenarioStateIs("running")
                .willReturn(PartnerApiStub.created(channel)));

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 4));

        awaitEvent(channel, "provisioned");
        assertThat(ApiKeyEventsReader.value(apiKeyEvents.of(channel, "failed").getFirst()))
                .contains("\"permanent\":false").contains("Channel is not running");
        PartnerApiStub.server.verify(2, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aChannelThatIsNotRunningCausesNoCallAtAll() throws Exception {
        String idle = "not-running-1";
        String next = "running-after-1";
        stubCreated(next);

        events.send(ChannelEventsProducer.running(idle, ChannelStage.READY, 2));
        events.send(ChannelEventsProducer.running(next, ChannelStage.RUNNING, 2));

        // Same partition: once the later channel is done, the earlier event was handled too.
        awaitEvent(next, "provisioned");
        PartnerApiStub.server.verify(0, anyRequestedFor(urlPathMatching(".*/channels/" + idle + "/.*")));
        assertThat(query("select count(*) from key_claim where channel_id = ?", idle)).containsExactly("0");
    }

    @Test
    void aRevokedPermissionWithdrawsTheKey() throws Exception {
        String channel = "revoked-1";
        stubCreated(channel);
        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 5));
        awaitEvent(channel, "provisioned");

        events.send(ChannelEventsProducer.revoked(channel, 6));

        String revoked = ApiKeyEventsReader.value(awaitEvent(channel, "revoked"));
        assertThat(revoked).contains("\"keyId\":\"key-" + channel + "\"").contains("\"deletedAtHub\":false");
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(410)
                .body("error", is("channel revoked-1's key was withdrawn: permission revoked"));
        PartnerApiStub.server.verify(0, deleteRequestedFor(urlPathMatching(".*/channels/" + channel + "/.*")));

        // A redelivered running event from before the revocation must not claim again.
        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 5));
        String marker = "after-revoked-1";
        stubCreated(marker);
        events.send(ChannelEventsProducer.running(marker, ChannelStage.RUNNING, 1));
        awaitEvent(marker, "provisioned");
        PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(keysPath(channel))));
    }

    @Test
    void theHandOutNeedsAConfiguredTokenAndAnswers404WithoutAKey() {
        given().get("/channels/{id}/api-key", "nobody").then().statusCode(401)
                .body("error", is("a configured bearer token is required"));
        given().header("Authorization", "Bearer fake-token-unknown").get("/channels/{id}/api-key", "nobody").then()
                .statusCode(401);
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", "nobody").then().statusCode(404)
                .body("error", is("channel nobody has no key"));
    }

    @Test
    void aCrashBetweenTheCreateAndTheCommitIsResumedWithoutASecondKey() throws Exception {
        String channel = "crash-1";
        stubCreated(channel);
        PartnerApiStub.server.stubFor(get(keysPath(channel)).willReturn(okJson("{\"api_keys\":[{\"id\":\"key-"
                + channel + "\",\"api_key\":\"fake-secret-" + channel + "\",\"address\":\"https://waba.example\","
                + "\"app_id\":\"app-" + channel + "\",\"created_at\":\"" + Instant.now() + "\"}]}")));
        faults.crashOnceAfterCreate(channel);

        events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 9));

        awaitEvent(channel, "provisioned");
        PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(keysPath(channel))));
        PartnerApiStub.server.verify(1, getRequestedFor(urlEqualTo(keysPath(channel))));
        given().header("Authorization", TOKEN).get("/channels/{id}/api-key", channel).then().statusCode(200)
                .body("apiKey", is("fake-secret-" + channel));
        assertThat(query("select status, attempts from key_claim where channel_id = ?", channel))
                .containsExactly("PROVISIONED", "2");
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(String channel, String type) {
        return apiKeyEvents.await(channel, type);
    }

    private static void stubCreated(String channel) {
        PartnerApiStub.stubCreated(channel);
    }

    private static String keysPath(String channel) {
        return PartnerApiStub.keysPath(channel);
    }

    private static List<String> query(String sql, String channel) throws SQLException {
        return TestDatabase.query(sql, channel);
    }
}
