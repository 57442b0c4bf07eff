package org.partnerhub.onboarding.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.partnerhub.onboarding.sandbox.Sandbox.api;
import static org.partnerhub.onboarding.sandbox.Sandbox.createKey;
import static org.partnerhub.onboarding.sandbox.Sandbox.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PartnerApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @BeforeEach
    void reset() {
        Sandbox.reset();
    }

    @Test
    void everyCallNeedsThePartnersApiKey() {
        given().when().get("/api/v2/partners/pp1/channels").then().statusCode(401)
                .body("meta.success", is(false)).body("meta.http_code", is(401));
        given().header("X-API-Key", "fake-wrong-key").when().get("/api/v2/partners/pp1/channels")
                .then().statusCode(401);
        given().header("X-API-Key", Sandbox.apiKey(Sandbox.DP)).when().get("/api/v2/partners/pp1/channels")
                .then().statusCode(401);
        given().header("D360-API-KEY", Sandbox.apiKey(Sandbox.PP)).when().get("/api/v2/partners/pp1/channels")
                .then().statusCode(401);
        api(Sandbox.PP).when().get("/api/v2/partners/pp1/channels").then().statusCode(200);
        api(Sandbox.PP).when().get("/api/v2/partners/nobody/channels").then().statusCode(404);
    }

    @Test
    void theLegacyLoginGivesABearerTokenForItsOwnPartnerOnly() {
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("username", "fake-user-dp1", "password", "fake-password-dp1"))
                .when().post("/api/v2/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(86400))
                .extract().path("access_token");

        given().header("Authorization", "Bearer " + token).when().get("/api/v2/partners/dp1")
                .then().statusCode(200).body("id", equalTo("dp1")).body("payment_mode", equalTo("direct"));
        given().header("Authorization", "Bearer " + token).when().get("/api/v2/partners/pp1").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", "fake-user-dp1", "password", "wrong"))
                .when().post("/api/v2/token")
                .then().statusCode(401).body("error", equalTo("invalid_grant")).body("error_description", notNullValue());
    }

    @Test
    void aKeyNeedsARunningChannel() {
        Sandbox.faults(Map.of("stepDelayMs", 3_600_000));
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        createKey(Sandbox.PP, Sandbox.channelOf(number)).statusCode(400)
                .body("meta.success", is(false)).body("meta.http_code", is(400))
                .body("meta.developer_message", startsWith("channel " + Sandbox.channelOf(number) + " is not running"));
    }

    @Test
    void aDirectPaymentKeyNeedsTheClientsPermissionAndLosesItWithTheRevocation() {
        String email = Sandbox.newEmail();
        String number = Sandbox.newNumber();
        String visit = Sandbox.pay(Sandbox.signUp(Sandbox.DP, email, "s", "t", number));
        String channel = Sandbox.channelOf(number);
        Sandbox.choose(visit, List.of(), List.of());
        awaitStatus(Sandbox.DP, channel, "live");

        createKey(Sandbox.DP, channel).statusCode(403).body("meta.http_code", is(403));

        Sandbox.choose(Sandbox.login(Sandbox.DP, email, "s"), List.of(channel), List.of());
        createKey(Sandbox.DP, channel).statusCode(201);

        Sandbox.choose(Sandbox.login(Sandbox.DP, email, "s"), List.of(), List.of(channel));
        createKey(Sandbox.DP, channel).statusCode(403);
    }

    @Test
    void aNewKeyRevokesTheChannelsEarlierOnesAndEveryCreationIsCounted() {
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);
        String channel = Sandbox.channelOf(number);
        awaitStatus(Sandbox.PP, channel, "running", "live");

        String first = createKey(Sandbox.PP, channel).statusCode(201)
                .body("api_key", startsWith("sandbox-key-NOT-A-REAL-SECRET-"))
                .body("address", equalTo("http://localhost:" + io.restassured.RestAssured.port))
                .body("app_id", notNullValue())
                .extract().path("id");
        String second = createKey(Sandbox.PP, channel).statusCode(201).extract().path("id");

        api(Sandbox.PP).when().get(keys(Sandbox.PP, channel)).then().statusCode(200)
                .body("api_keys", hasSize(1)).body("api_keys[0].id", equalTo(second))
                .body("api_keys[0].api_key", startsWith("sandbox-key-"));
        assertThat(first).isNotEqualTo(second);
        given().when().get("/sandbox/counters").then().statusCode(200)
                .body("apiKeyCreations." + channel, is(2));
        given().when().get("/sandbox/keys").then().statusCode(200)
                .body(channel + ".id", equalTo(List.of(second)));

        api(Sandbox.PP).when().delete(keys(Sandbox.PP, channel) + "/" + second).then().statusCode(204);
        api(Sandbox.PP).when().get(keys(Sandbox.PP, channel)).then().body("api_keys", hasSize(0));
        api(Sandbox.PP).when().delete(keys(Sandbox.PP, channel) + "/" + second).then().statusCode(404);
        createKey(Sandbox.PP, "unknownCH").statusCode(404);
    }

    @Test
    void channelsAndClientsAreListedWithFiltersAndPages() {
        Sandbox.faults(Map.of("stepDelayMs", 3_600_000));
        List<String> numbers = List.of(Sandbox.newNumber(), Sandbox.newNumber(), Sandbox.newNumber());
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", numbers.toArray(String[]::new));
        Sandbox.signUp(Sandbox.DP, Sandbox.newEmail(), "s", "t", Sandbox.newNumber());

        api(Sandbox.PP).queryParam("limit", 2).queryParam("offset", 0)
                .when().get("/api/v2/partners/pp1/channels").then().statusCode(200)
                .body("count", is(2)).body("total", is(3)).body("limit", is(2)).body("offset", is(0))
                .body("partner_channels.setup_info.phone_number", equalTo(numbers.subList(0, 2)));
        api(Sandbox.PP).queryParam("limit", 2).queryParam("offset", 2)
                .when().get("/api/v2/partners/pp1/channels").then()
                .body("count", is(1)).body("partner_channels[0].setup_info.phone_number", equalTo(numbers.get(2)));
        api(Sandbox.PP).queryParam("filters", "{\"setup_info.phone_number\":\"" + numbers.get(1) + "\",\"status\":\"created\"}")
                .when().get("/api/v2/partners/pp1/channels").then()
                .body("total", is(1)).body("partner_channels[0].id", equalTo(Sandbox.channelOf(numbers.get(1))));
        api(Sandbox.PP).queryParam("sort", "-setup_info.phone_number")
                .when().get("/api/v2/partners/pp1/channels").then()
                .body("partner_channels.setup_info.phone_number",
                        equalTo(numbers.stream().sorted(java.util.Comparator.reverseOrder()).toList()));
        api(Sandbox.PP).queryParam("filters", "{'status': 'created'}")
                .when().get("/api/v2/partners/pp1/channels").then().statusCode(400).body("meta.http_code", is(400));

        String client = api(Sandbox.PP).when().get("/api/v2/partners/pp1/clients").then().statusCode(200)
                .body("total", is(1)).body("clients[0].partner_payload", equalTo("t")).extract()
                .path("clients[0].id");
        api(Sandbox.PP).queryParam("filters", "{\"id\":\"" + client + "\"}")
                .when().get("/api/v2/partners/pp1/clients").then().body("clients", hasSize(1));
        api(Sandbox.PP).when().get("/api/v2/partners/pp1/channels/" + Sandbox.channelOf(numbers.get(0)))
                .then().statusCode(200).body("client.id", equalTo(client)).body("status", equalTo("created"))
                .body("account_mode", equalTo("sandbox"));
    }

    @Test
    void thePartnerSetsItsWebhookAndRedirectUrls() {
        api(Sandbox.PP).contentType(ContentType.JSON).body(Map.of("webhook_url", "https://partner.example/hooks"))
                .when().post("/api/v2/partners/pp1/webhook_url").then().statusCode(200);
        api(Sandbox.PP).when().get("/api/v2/partners/pp1/webhook_url")
                .then().statusCode(200).body("webhook_url", equalTo("https://partner.example/hooks"));

        api(Sandbox.PP).contentType(ContentType.JSON).body(Map.of("webhook_url", "https://partner.example/v2",
                "partner_redirect_url", "https://partner.example/back"))
                .when().patch("/api/v2/partners/pp1").then().statusCode(200);
        api(Sandbox.PP).when().get("/api/v2/partners/pp1").then().statusCode(200)
                .body("webhook_url", equalTo("https://partner.example/v2"))
                .body("partner_redirect_url", equalTo("https://partner.example/back"));
        given().when().get("/dashboard/app/pp1/permissions").then().statusCode(200);
        given().when().get("/sandbox/partners").then().statusCode(200)
                .body("find { it.id == 'pp1' }.webhookUrl", equalTo("https://partner.example/v2"))
                .body("find { it.id == 'dp1' }.paymentMode", equalTo("direct"));

        api(Sandbox.PP).contentType(ContentType.JSON).body(Map.of("webhook_url", "not a url"))
                .when().post("/api/v2/partners/pp1/webhook_url").then().statusCode(400);
    }

    @Test
    void theThrottleKnobAnswers429WithRetryAfter() {
        Sandbox.faults(Map.of("throttleRate", 1, "retryAfterSeconds", 7));

        api(Sandbox.PP).when().get("/api/v2/partners/pp1/channels").then().statusCode(429)
                .header("Retry-After", "7").body("meta.http_code", is(429));
        given().when().get("/sandbox/counters").then().body("partnerApi.throttled", is(1));
    }

    @Test
    void theErrorKnobAnswers500AndTheLatencyKnobDelays() {
        Sandbox.faults(Map.of("errorRate", 1));
        api(Sandbox.PP).when().get("/api/v2/partners/pp1/channels").then().statusCode(500)
                .body("meta.success", is(false));

        Sandbox.faults(Map.of("errorRate", 0, "latencyMs", 400));
        long started = System.nanoTime();
        api(Sandbox.PP).when().get("/api/v2/partners/pp1/channels").then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void knobsAreCheckedAndCanBeReset() {
        given().contentType(ContentType.JSON).body(Map.of("dropRate", 2)).when().patch("/sandbox/faults")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("dorpRate", 1)).when().patch("/sandbox/faults")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("dropEvents", List.of("channel_runing"))).when()
                .patch("/sandbox/faults").then().statusCode(400).body("error", containsString("channel_running"));
        Sandbox.faults(Map.of("dropRate", 0.5, "dropEvents", List.of("channel_running")));
        given().when().get("/sandbox/faults").then().body("dropRate", is(0.5f)).body("stepDelayMs", is(200))
                .body("dropEvents", contains("channel_running"));
        given().when().delete("/sandbox/faults").then().statusCode(200).body("dropRate", is(0.0f))
                .body("dropEvents", empty());
    }

    private static void awaitStatus(String partnerId, String channel, String... statuses) {
        await().atMost(WAIT).until(() -> List.of(statuses).contains(api(partnerId)
                .when().get("/api/v2/partners/" + partnerId + "/channels/" + channel)
                .then().statusCode(200).extract().<String>path("status")));
    }
}
