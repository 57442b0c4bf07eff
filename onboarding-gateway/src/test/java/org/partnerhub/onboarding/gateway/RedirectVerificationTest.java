package org.partnerhub.onboarding.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.testkit.KafkaTestResource;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A redirect's ids are user input: a tenant with a valid flow of its own must not be able to publish another
 * tenant's client or channels. The Partner API (stubbed) is the judge; every refusal publishes nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class RedirectVerificationTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String MAIN = GatewayTestResource.MAIN_PARTNER;
    private static final String DIRECT = GatewayTestResource.DIRECT_PARTNER;

    @Test
    void aClientOfAnotherTenantIsRefused() {
        String victimsClient = id("cl");
        String victimsChannel = id("ch");
        PartnerApiStub.client(MAIN, victimsClient, "tenant-victim-" + UUID.randomUUID(), victimsChannel);
        Flows.Started attacker = Flows.start("main");

        assertRefused(attacker, Map.of("client", victimsClient, "channels", "[" + victimsChannel + "]"),
                "belongs to another customer");
        assertCounted("foreign-client");
    }

    @Test
    void aChannelOfAnotherClientInChannelsIsRefused() {
        Flows.Started attacker = Flows.start("main");
        String ownClient = id("cl");
        String victimsChannel = id("ch");
        PartnerApiStub.client(MAIN, ownClient, attacker.tenant());
        PartnerApiStub.channelOf(MAIN, victimsChannel, id("clVictim"));

        assertRefused(attacker, Map.of("client", ownClient, "channels", "[" + victimsChannel + "]"),
                "channel " + victimsChannel + " belongs to another client");
        assertCounted("foreign-channel");
    }

    @Test
    void aChannelOfAnotherClientInRevokedIsRefused() {
        Flows.Started attacker = Flows.start("main");
        String ownClient = id("cl");
        String ownChannel = id("ch");
        String victimsChannel = id("ch");
        PartnerApiStub.client(MAIN, ownClient, attacker.tenant(), ownChannel);
        PartnerApiStub.channelOf(MAIN, victimsChannel, id("clVictim"));

        assertRefused(attacker, Map.of("client", ownClient, "channels", "[" + ownChannel + "]",
                "revoked", "[" + victimsChannel + "]"), "channel " + victimsChannel + " belongs to another client");
    }

    @Test
    void aClientUnknownToThePartnerApiIsRefused() {
        Flows.Started flow = Flows.start("main");

        assertRefused(flow, Map.of("client", id("cl"), "channels", "[" + id("ch") + "]"), "knows no client");
        assertCounted("unknown-client");
    }

    @Test
    void whileThePartnerApiIsDownTheRedirectAsksForAReloadThatThenWorksWithTheSameIds() {
        Flows.Started flow = Flows.start("main");
        String client = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(MAIN, client, flow.tenant(), channel);
        Map<String, String> query = Map.of("client", client, "channels", "[" + channel + "]", "state", flow.state());
        long before = PermissionsTopic.size();
        StubMapping outage = PartnerApiStub.down(MAIN);

        withCookie(flow).queryParams(query).when().get("/onboarding/redirect")
                .then().statusCode(503).body(containsString("Reload this page to try again"))
                .body(containsString("\"message\":null"));
        assertThat(PermissionsTopic.size()).isEqualTo(before);
        assertCounted("partner-api-unavailable");

        PartnerApiStub.up(outage);
        withCookie(flow).queryParams(query).when().get("/onboarding/redirect").then().statusCode(200);
        withCookie(flow).queryParams(query).when().get("/onboarding/redirect").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = PermissionsTopic.recordsWithKeys(Set.of(client, channel));
        assertThat(records).hasSize(4);
        assertThat(records.stream().map(RedirectVerificationTest::ceId).distinct()).hasSize(2);
        assertThat(records).allSatisfy(record -> assertThat(factKey(decode(record))).isEqualTo(flow.nonce()));
    }

    @Test
    void aPartnerApiThatDoesNotAnswerInTimeIsUnavailableToo() {
        Flows.Started flow = Flows.start("main");
        String client = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(MAIN, client, flow.tenant(), channel);
        long before = PermissionsTopic.size();
        StubMapping outage = PartnerApiStub.slow(MAIN, 6_000);
        try {
            withCookie(flow).queryParams(Map.of("client", client, "channels", "[" + channel + "]",
                    "state", flow.state())).when().get("/onboarding/redirect")
                    .then().statusCode(503).body(containsString("Reload this page to try again"));
        } finally {
            PartnerApiStub.up(outage);
        }

        assertThat(PermissionsTopic.size()).isEqualTo(before);
    }

    @Test
    void aClientWithoutPartnerPayloadIsTheFlowsTenants() {
        Flows.Started flow = Flows.start("main");
        String client = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(MAIN, client, null, channel);

        withCookie(flow).queryParams(Map.of("client", client, "channels", "[" + channel + "]", "state", flow.state()))
                .when().get("/onboarding/redirect").then().statusCode(200);

        assertThat(published(channel)).isInstanceOfSatisfying(PermissionGranted.class, granted -> {
            assertThat(granted.tenant()).isEqualTo(flow.tenant());
            assertThat(granted.verification()).isEqualTo(Verification.CONFIRMED);
        });
    }

    @Test
    void aStatelessRedirectOnAHubThatAcceptsThemIsBoundToThePartnerPayloadAndRepeatsItsIds() {
        String tenant = "tenant-" + UUID.randomUUID();
        String client = id("cl");
        String granted = id("ch");
        String revoked = id("ch");
        PartnerApiStub.client(DIRECT, client, tenant, granted, revoked);
        Map<String, String> query = Map.of("client", client, "channels", "[" + granted + "]",
                "revoked", "[" + revoked + "]");

        given().queryParams(query).when().get("/onboarding/redirect/direct").then().statusCode(200)
                .body(containsString("\"client\":\"" + client + "\""));
        given().queryParams(query).when().get("/onboarding/redirect/direct").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = PermissionsTopic.recordsWithKeys(Set.of(client, granted, revoked));
        assertThat(records).hasSize(6);
        assertThat(records.stream().map(RedirectVerificationTest::ceId).distinct()).hasSize(3);
        assertThat(published(client)).isInstanceOfSatisfying(ClientLinked.class,
                linked -> assertThat(linked.tenant()).isEqualTo(tenant));
        assertThat(published(revoked)).isInstanceOfSatisfying(PermissionRevoked.class, fact -> {
            assertThat(fact.tenant()).isEqualTo(tenant);
            assertThat(fact.verification()).isEqualTo(Verification.CONFIRMED);
        });
    }

    @Test
    void aStatelessRedirectIsRefusedOnAHubThatDoesNotAcceptThem() {
        String client = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(MAIN, client, "tenant-" + UUID.randomUUID(), channel);

        assertRefused(null, "/onboarding/redirect/main", Map.of("client", client, "channels", "[" + channel + "]"),
                "state is missing");
        assertRefused(null, "/onboarding/redirect", Map.of("client", client, "channels", "[" + channel + "]"),
                "state is missing");
    }

    @Test
    void aStatelessRedirectNeedsTheClientsPartnerPayloadAndEveryChannelListed() {
        String anonymousClient = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(DIRECT, anonymousClient, null, channel);
        String client = id("cl");
        String listed = id("ch");
        PartnerApiStub.client(DIRECT, client, "tenant-" + UUID.randomUUID(), listed);

        assertRefused(null, "/onboarding/redirect/direct",
                Map.of("client", anonymousClient, "channels", "[" + channel + "]"), "without a customer reference");
        assertRefused(null, "/onboarding/redirect/direct",
                Map.of("client", client, "channels", "[" + listed + "," + id("chLagging") + "]"),
                "does not list channel");
    }

    @Test
    void aRedirectToAnUnknownHubPathIsRefused() {
        assertRefused(null, "/onboarding/redirect/retired", Map.of("client", id("cl"), "channels", "[a]"),
                "not configured");
    }

    @Test
    void aStatefulRedirectOnTheHubPathMustBeForThatHub() {
        Flows.Started flow = Flows.start("main");
        String client = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(MAIN, client, flow.tenant(), channel);
        Map<String, String> query = Map.of("client", client, "channels", "[" + channel + "]", "state", flow.state());

        assertRefused(flow.nonce(), "/onboarding/redirect/direct", query, "another Partner Hub");
        withCookie(flow).queryParams(query).when().get("/onboarding/redirect/main").then().statusCode(200);
    }

    private static void assertRefused(Flows.Started flow, Map<String, String> query, String reason) {
        Map<String, String> withState = new java.util.HashMap<>(query);
        withState.put("state", flow.state());
        assertRefused(flow.nonce(), "/onboarding/redirect", withState, reason);
    }

    private static void assertRefused(String nonce, String path, Map<String, String> query, String reason) {
        long before = PermissionsTopic.size();
        RequestSpecification request = given().redirects().follow(false);
        if (nonce != null) {
            request.cookie(Flows.NONCE_COOKIE, nonce);
        }

        Response response = request.queryParams(query).when().get(path);

        response.then().statusCode(400).body(containsString(reason)).body(containsString("Nothing was recorded"));
        assertThat(PermissionsTopic.size()).isEqualTo(before);
    }

    private static void assertCounted(String reason) {
        assertThat(given().accept("text/plain").when().get("/q/metrics").asString()).contains(
                "onboarding_redirects_rejected_total{application=\"onboarding-gateway\",reason=\"" + reason + "\"");
    }

    private static RequestSpecification withCookie(Flows.Started flow) {
        return given().redirects().follow(false).cookie(Flows.NONCE_COOKIE, flow.nonce());
    }

    private static Event published(String key) {
        List<ConsumerRecord<String, byte[]>> records = PermissionsTopic.recordsWithKeys(Set.of(key));
        assertThat(records).isNotEmpty();
        return decode(records.getLast());
    }

    private static Event decode(ConsumerRecord<String, byte[]> record) {
        return CODEC.decode(CloudEventMetadata.from(record.headers()), record.value());
    }

    private static String factKey(Event event) {
        return switch (event) {
            case ClientLinked linked -> linked.factKey();
            case PermissionGranted granted -> granted.factKey();
            case PermissionRevoked revoked -> revoked.factKey();
            default -> throw new AssertionError("not a permission fact: " + event);
        };
    }

    private static String ceId(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    private static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
