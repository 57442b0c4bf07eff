package org.partnerhub.onboarding.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.partnerhub.onboarding.sandbox.Sandbox.api;
import static org.partnerhub.onboarding.sandbox.Sandbox.createKey;
import static org.partnerhub.onboarding.sandbox.Sandbox.keys;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A channel's life after onboarding: Client Hub permission, cancellation, restriction and the messaging webhook. */
@QuarkusTest
class ChannelLifeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("test-receiver")
    URL receiver;

    @BeforeEach
    void reset() {
        Sandbox.reset();
        WebhookReceiver.clear();
        Sandbox.setWebhookUrl(Sandbox.PP, receiver + "/" + Sandbox.PP);
        Sandbox.setWebhookUrl(Sandbox.DP, receiver + "/" + Sandbox.DP);
    }

    @Test
    void aRestrictionAndItsLiftingAreAnnouncedAndTheKeyStaysTheChannels() {
        String channel = liveChannel(Sandbox.PP);
        String key = createKey(Sandbox.PP, channel).statusCode(201).extract().path("api_key");

        change(channel, "restriction/impose?violation_type=SCAM").statusCode(200).body("status", equalTo("restricted"));
        JsonNode restriction = awaitWebhook(channel, "account_restriction");
        assertThat(restriction.path("status").asText()).isEqualTo("restricted");
        assertThat(restriction.path("client_id").asText()).isNotEmpty();
        assertThat(restriction.path("phone_number").asText()).isEqualTo(numberOf(channel));
        assertThat(restriction.path("violation_type").asText()).isEqualTo("SCAM");
        channelInApi(Sandbox.PP, channel).body("status", equalTo("restricted"));
        setMessagingWebhook(key, "https://partner.example/messages").statusCode(200);

        change(channel, "restriction/lift").statusCode(200).body("status", equalTo("live"));
        await().atMost(WAIT).until(() -> webhooks(channel, "channel_live").size() == 2);
        assertThat(webhooks(channel, "channel_live").get(1).path("status").asText()).isEqualTo("live");
        channelInApi(Sandbox.PP, channel).body("status", equalTo("live"));
        assertThat(admin("/sandbox/keys").path(channel).path(0).path("api_key").asText()).isEqualTo(key);

        change(channel, "restriction/lift").statusCode(409).body("error", containsString("is live, not restricted"));
    }

    @Test
    void aCancellationCanBeRevokedOrProcessedAndAProcessedOneEndsTheNumbersKeys() {
        String channel = liveChannel(Sandbox.PP);
        String key = createKey(Sandbox.PP, channel).statusCode(201).extract().path("api_key");

        change(channel, "cancellation/request").statusCode(200).body("status", equalTo("pending_deletion"));
        assertThat(awaitWebhook(channel, "cancellation_request").path("status").asText())
                .isEqualTo("pending_deletion");
        change(channel, "cancellation/revoke").statusCode(200);
        assertThat(awaitWebhook(channel, "cancellation_revoke").path("status").asText()).isEqualTo("live");
        channelInApi(Sandbox.PP, channel).body("status", equalTo("live"));

        change(channel, "cancellation/request").statusCode(200);
        change(channel, "cancellation/process").statusCode(200).body("status", equalTo("cancelled"));
        JsonNode processed = awaitWebhook(channel, "cancellation_processed");
        assertThat(processed.path("status").asText()).isEqualTo("cancelled");
        assertThat(processed.path("terminated_at").isTextual()).isTrue();
        channelInApi(Sandbox.PP, channel).body("status", equalTo("cancelled")).body("terminated_at", notNullValue());
        createKey(Sandbox.PP, channel).statusCode(400).body("meta.developer_message", containsString("cancelled"));
        setMessagingWebhook(key, "https://partner.example/messages").statusCode(401);
        api(Sandbox.PP).when().delete(keys(Sandbox.PP, channel) + "/" + keyId(channel)).then().statusCode(204);

        change(channel, "cancellation/revoke").statusCode(409);
        change(channel, "restriction/impose").statusCode(409).body("error", containsString("is cancelled, not live"));
    }

    @Test
    void onlyAKnownLiveChannelChangesAndUnknownChangesAreNamed() {
        Sandbox.faults(Map.of("stepDelayMs", 3_600_000));
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        change(Sandbox.channelOf(number), "cancellation/request").statusCode(409)
                .body("error", containsString("still being set up (status: created)"));
        change("unknownCH", "restriction/impose").statusCode(404).body("error", containsString("unknownCH"));
        change(Sandbox.channelOf(number), "cancellation/undo").statusCode(404)
                .body("error", containsString("cancellation/process"));
    }

    @Test
    void theDropKnobTakesTheNewEventsToo() {
        String channel = liveChannel(Sandbox.PP);
        Sandbox.faults(Map.of("dropEvents", List.of("account_restriction")));

        change(channel, "restriction/impose").statusCode(200);

        await().atMost(WAIT).until(() -> given().when().get("/sandbox/webhooks").then().extract().jsonPath()
                .getString("find { it.event == 'account_restriction' && it.outcome == 'dropped' }.webhookId") != null);
        assertThat(webhooks(channel, "account_restriction")).isEmpty();
    }

    @Test
    void clientHubTogglesChangeTheSharedNumbersAndSendNoWebhook() {
        Sandbox.faults(Map.of("stepDelayMs", 3_600_000, "dropRate", 1));
        String email = Sandbox.newEmail();
        String first = Sandbox.newNumber();
        String second = Sandbox.newNumber();
        String visit = Sandbox.pay(Sandbox.signUp(Sandbox.DP, email, "s", "t", first, second));
        String firstChannel = Sandbox.channelOf(first);
        String secondChannel = Sandbox.channelOf(second);
        String client = Sandbox.choose(visit, List.of(firstChannel), List.of()).client();
        int webhooksBefore = deliveries();

        sharedNumbers(Sandbox.DP, client).statusCode(200).body("count", is(1))
                .body("shared_client_numbers.id", equalTo(List.of(firstChannel)))
                .body("shared_client_numbers[0].phone_number", equalTo("+" + first));

        permission(secondChannel, "grant").statusCode(200).body("permitted", is(true));
        permission(firstChannel, "withdraw").statusCode(200).body("permitted", is(false));
        permission(firstChannel, "withdraw").statusCode(200).body("permitted", is(false));

        sharedNumbers(Sandbox.DP, client).statusCode(200).body("count", is(1))
                .body("shared_client_numbers.id", equalTo(List.of(secondChannel)));
        given().when().get("/sandbox/channels").then()
                .body("find { it.id == '" + firstChannel + "' }.permitted", is(false))
                .body("find { it.id == '" + secondChannel + "' }.permitted", is(true));
        assertThat(deliveries()).isEqualTo(webhooksBefore);
        permission("unknownCH", "grant").statusCode(404);
    }

    @Test
    void aPartnerPaymentClientSharesAllItsNumbersAndTheClientHubCannotChangeThat() {
        Sandbox.faults(Map.of("stepDelayMs", 3_600_000));
        String first = Sandbox.newNumber();
        String second = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", first, second);
        String client = given().when().get("/sandbox/channels").then().extract().jsonPath()
                .getString("find { it.id == '" + Sandbox.channelOf(first) + "' }.client_id");

        sharedNumbers(Sandbox.PP, client).statusCode(200).body("count", is(2));
        permission(Sandbox.channelOf(first), "withdraw").statusCode(409)
                .body("error", containsString("Partner Payment"));
        sharedNumbers(Sandbox.DP, client).statusCode(404).body("meta.http_code", is(404));
        sharedNumbers(Sandbox.PP, "unknownCL").statusCode(404);
        given().when().get("/api/v2/partners/pp1/clients/" + client + "/shared_client_numbers").then().statusCode(401);
    }

    @Test
    void theMessagingWebhookIsSetAtTheKeysAddressWithTheChannelsCurrentKeyAndRecorded() {
        String channel = liveChannel(Sandbox.PP);
        ValidatableResponse created = createKey(Sandbox.PP, channel).statusCode(201);
        String address = created.extract().path("address");
        String firstKey = created.extract().path("api_key");

        assertThat(address).startsWith("http://localhost:").doesNotEndWith("/");
        given().header("D360-API-KEY", firstKey).contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example/messages/" + channel))
                .when().post(address + "/v1/configs/webhook")
                .then().statusCode(200).body("url", equalTo("https://partner.example/messages/" + channel));
        JsonNode recorded = admin("/sandbox/messaging-webhooks").path(channel);
        assertThat(recorded.path("url").asText()).isEqualTo("https://partner.example/messages/" + channel);
        assertThat(recorded.path("keyId").asText()).isEqualTo(keyId(channel));
        assertThat(recorded.path("sets").asInt()).isEqualTo(1);
        assertThat(recorded.path("setAt").isTextual()).isTrue();

        String secondKey = createKey(Sandbox.PP, channel).statusCode(201).extract().path("api_key");
        setMessagingWebhook(firstKey, "https://partner.example/old").statusCode(401);
        setMessagingWebhook(secondKey, "https://partner.example/new").statusCode(200);
        recorded = admin("/sandbox/messaging-webhooks").path(channel);
        assertThat(recorded.path("url").asText()).isEqualTo("https://partner.example/new");
        assertThat(recorded.path("keyId").asText()).isEqualTo(keyId(channel));
        assertThat(recorded.path("sets").asInt()).isEqualTo(2);

        setMessagingWebhook(secondKey, "not a url").statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", "https://partner.example/x"))
                .when().post("/v1/configs/webhook").then().statusCode(401);
        Sandbox.faults(Map.of("throttleRate", 1, "retryAfterSeconds", 3));
        setMessagingWebhook(secondKey, "https://partner.example/new").statusCode(429).header("Retry-After", "3");
    }

    /** A channel of a new client that has gone through its whole onboarding. */
    private static String liveChannel(String partnerId) {
        String number = Sandbox.newNumber();
        Sandbox.signUp(partnerId, Sandbox.newEmail(), "s", "t", number);
        String channel = Sandbox.channelOf(number);
        await().atMost(WAIT).until(() -> "live".equals(channelInApi(partnerId, channel).extract().path("status")));
        await().atMost(WAIT).until(() -> webhooks(channel, "channel_live").size() == 1);
        return channel;
    }

    private static ValidatableResponse change(String channel, String change) {
        return given().when().post("/sandbox/channels/" + channel + "/" + change).then();
    }

    private static ValidatableResponse permission(String channel, String action) {
        return given().when().post("/sandbox/channels/" + channel + "/permission/" + action).then();
    }

    private static ValidatableResponse sharedNumbers(String partnerId, String client) {
        return api(partnerId).when().get("/api/v2/partners/" + partnerId + "/clients/" + client
                + "/shared_client_numbers").then();
    }

    private static ValidatableResponse setMessagingWebhook(String key, String url) {
        return given().header("D360-API-KEY", key).contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/v1/configs/webhook").then();
    }

    private static ValidatableResponse channelInApi(String partnerId, String channel) {
        return api(partnerId).when().get("/api/v2/partners/" + partnerId + "/channels/" + channel).then()
                .statusCode(200);
    }

    private static String keyId(String channel) {
        return admin("/sandbox/keys").path(channel).path(0).path("id").asText();
    }

    /** Read as a tree: channel ids may start with a digit, which a GPath cannot name. */
    private static JsonNode admin(String path) {
        return WebhookReceiver.json(given().when().get(path).then().statusCode(200).extract().asByteArray());
    }

    private static String numberOf(String channel) {
        return given().when().get("/sandbox/channels").then().extract().jsonPath()
                .getString("find { it.id == '" + channel + "' }.setup_info.phone_number");
    }

    private static int deliveries() {
        return given().when().get("/sandbox/webhooks").then().extract().jsonPath().getList("$").size();
    }

    private static JsonNode awaitWebhook(String channel, String event) {
        await().atMost(WAIT).until(() -> !webhooks(channel, event).isEmpty());
        return webhooks(channel, event).getFirst();
    }

    /** The {@code data} of each webhook about the channel with this event, in arrival order. */
    private static List<JsonNode> webhooks(String channel, String event) {
        return WebhookReceiver.bodies().stream()
                .filter(json -> json.path("event").asText().equals(event)
                        && json.path("data").path("id").asText().equals(channel))
                .map(json -> json.path("data")).toList();
    }
}
