package org.partnerhub.onboarding.state.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.permission.PermissionEvent;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The permission poller against the Partner API stub, with real Kafka and PostgreSQL. Hub {@code drift} and hub
 * {@code budget} are Direct Payment hubs of their own ({@code calls-per-minute=4} in tests). Each poll runs an hour
 * after the one before, so that no test's calls count against another's minute.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class PermissionPollerTest {

    private static final AtomicLong HOURS = new AtomicLong();
    private static final EventCodec CODEC = new EventCodec();

    @Inject
    PermissionPoller poller;

    @Inject
    ReconcileLeader leader;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @AfterEach
    void resign() {
        leader.resign();
    }

    @Test
    void aClientWithdrawingPermissionInTheClientHubIsRevokedAndGrantingItAgainGrantsIt() {
        String client = "oaY9LLfUCL-withdrawn";
        String channel = "y9MiLoCH-withdrawn";
        runningAndGranted("drift", "-withdrawn");
        PartnerApiStub.shares("partner-drift", client);

        poller.pollOnce(later());

        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/" + channel).then().statusCode(200)
                .body("permission.state", equalTo("revoked")).body("permission.source", equalTo("partner-api")));
        assertThat(partnerApiFacts(channel)).singleElement().isInstanceOfSatisfying(PermissionRevoked.class,
                revoked -> {
                    assertThat(revoked.hubId()).isEqualTo("drift");
                    assertThat(revoked.clientId()).isEqualTo(client);
                    assertThat(revoked.tenant()).isEqualTo("tenant-42");
                    assertThat(revoked.verification()).isEqualTo(Verification.CONFIRMED);
                });

        poller.pollOnce(later());
        assertThat(PartnerApiStub.sharedNumbersRequests("partner-drift", client)).hasSize(2);
        assertThat(partnerApiFacts(channel)).as("nothing changed, nothing published").hasSize(1);

        PartnerApiStub.shares("partner-drift", client, channel);
        poller.pollOnce(later());

        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/" + channel).then().statusCode(200)
                .body("permission.state", equalTo("granted")).body("permission.source", equalTo("partner-api")));
        assertThat(partnerApiFacts(channel)).hasSize(2).last().isInstanceOfSatisfying(PermissionGranted.class,
                granted -> assertThat(granted.verification()).isEqualTo(Verification.CONFIRMED));
    }

    @Test
    void aHubsShareQuestionsStayWithinItsCallsPerMinute() {
        for (int i = 1; i <= 6; i++) {
            runningAndGranted("budget", "-budget-" + i);
        }
        Instant at = later();

        poller.pollOnce(at);
        assertThat(PartnerApiStub.sharedNumbersRequests("partner-budget")).hasSize(4);

        poller.pollOnce(at.plusSeconds(30));
        assertThat(PartnerApiStub.sharedNumbersRequests("partner-budget")).as("the minute's budget is spent")
                .hasSize(4);

        poller.pollOnce(at.plusSeconds(61));
        assertThat(PartnerApiStub.sharedNumbersRequests("partner-budget")).as("the two left waiting, and no other")
                .hasSize(6);
        for (int i = 1; i <= 6; i++) {
            assertThat(PartnerApiStub.sharedNumbersRequests("partner-budget", "oaY9LLfUCL-budget-" + i)).hasSize(1);
        }
    }

    @Test
    void aReplicaThatDoesNotLeadTheReconcilersDoesNotPoll() {
        runningAndGranted("drift", "-follower");
        PartnerApiStub.shares("partner-drift", "oaY9LLfUCL-follower", "y9MiLoCH-follower");
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        username.ifPresent(options::setUser);
        ReconcileLeader otherReplica = new ReconcileLeader(vertx, registry, options, "other-replica");
        try {
            assertThat(otherReplica.lead()).isTrue();

            assertThat(poller.tick(later())).isEmpty();
            assertThat(PartnerApiStub.sharedNumbersRequests("partner-drift", "oaY9LLfUCL-follower")).isEmpty();
        } finally {
            otherReplica.resign();
        }

        assertThat(poller.tick(later())).isPresent();
        assertThat(PartnerApiStub.sharedNumbersRequests("partner-drift", "oaY9LLfUCL-follower")).hasSize(1);
    }

    /** A running channel whose client granted the permission in the popup, as the gateway reported it. */
    private static void runningAndGranted(String hubId, String suffix) {
        String channel = "y9MiLoCH" + suffix;
        Event running = HubWebhooks.parse(hubId, KafkaTopics.webhook("channel_running", suffix, T0).rawBody()
                .getBytes(StandardCharsets.UTF_8), T0);
        KafkaTopics.publish(List.of(new PermissionGranted(hubId, "oaY9LLfUCL" + suffix, channel, "tenant-42",
                "redirect", T0, "nonce" + suffix, Verification.CONFIRMED), running));
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/" + channel).then().statusCode(200)
                .body("status", equalTo("running")).body("permission.state", equalTo("granted")));
    }

    /** The permission facts the poller published for the channel, in order. */
    private static List<PermissionEvent> partnerApiFacts(String channelId) {
        return KafkaTopics.readAll("onboarding.permissions").stream()
                .filter(record -> channelId.equals(record.key()))
                .map(record -> CODEC.decode(KafkaTopics.header(record, CloudEventHeaders.TYPE), record.value()))
                .filter(event -> event instanceof PermissionEvent permission
                        && PermissionDrift.SOURCE.equals(source(permission)))
                .map(PermissionEvent.class::cast)
                .toList();
    }

    private static String source(PermissionEvent event) {
        return switch (event) {
            case PermissionGranted granted -> granted.source();
            case PermissionRevoked revoked -> revoked.source();
            default -> null;
        };
    }

    /** An hour after the last poll of any test, and after now. */
    private static Instant later() {
        return Instant.now().plus(Duration.ofHours(HOURS.incrementAndGet()));
    }
}
