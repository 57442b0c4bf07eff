package org.partnerhub.onboarding.examples.subscriber;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.partnerhub.onboarding.examples.subscriber.Channels.live;
import static org.partnerhub.onboarding.examples.subscriber.Channels.provisioned;
import static org.partnerhub.onboarding.examples.subscriber.Channels.running;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.testkit.KafkaTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The example against real Kafka and a stubbed hand-out: what a developer running it would see. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(HandoutStub.class)
class SubscriberTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Path LOG = Path.of("target/channel-subscriber-test.log");
    private static final EventCodec CODEC = new EventCodec();
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void fetchesTheKeyOnceWhenTheChannelIsLiveWithItsKeyAndNeverLogsIt() throws Exception {
        String channel = "ch-" + UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        handsOut(channel, secret);

        send(running(channel, 3, ApiKeyState.NONE));
        send(provisioned(channel, "key-7"));
        send(live(channel, 5, ApiKeyState.PROVISIONED));
        // The relay publishing again after a crash: same event, same ce_id, another offset.
        send(live(channel, 5, ApiKeyState.PROVISIONED));

        await().atMost(SETTLE).untilAsserted(() -> given().get("/channels/" + channel).then().statusCode(200)
                .body("status", is("USING_KEY")).body("keyId", is("key-7")).body("tenant", is(Channels.TENANT)));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(Files.readString(LOG))
                .contains("Channel " + channel + " (hub partnerpay, tenant tenant-7) is live with its key")
                .contains("(key id key-7)"));
        assertThat(given().get("/channels").then().statusCode(200).extract().jsonPath().getLong("repeatsSkipped"))
                .isPositive();
        given().get("/channels/" + channel).then().body("fetches", is(1));
        HandoutStub.server.verify(1, getRequestedFor(urlEqualTo("/channels/" + channel + "/api-key"))
                .withHeader("Authorization", equalTo("Bearer " + HandoutStub.TOKEN)));
        assertThat(Files.readString(LOG)).doesNotContain(secret).doesNotContain(HandoutStub.TOKEN);
        assertThat(given().get("/channels/" + channel).then().extract().asString()).doesNotContain(secret);
    }

    @Test
    void skipsATypeItDoesNotKnowAndGoesOn() {
        String channel = "ch-" + UUID.randomUUID();
        handsOut(channel, "secret-" + UUID.randomUUID());
        Headers newer = CloudEventHeaders.asKafkaHeaders(running(channel, 2, ApiKeyState.NONE), "/channel-state");
        newer.remove(CloudEventHeaders.TYPE);
        newer.add(CloudEventHeaders.TYPE, "onboarding.channel.something-new.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>("channel.events", 0, channel, "{\"whatever\":1}".getBytes(
                StandardCharsets.UTF_8), newer));

        send(live(channel, 4, ApiKeyState.PROVISIONED));
        send(provisioned(channel, "key-1"));

        await().atMost(SETTLE).untilAsserted(() -> given().get("/channels/" + channel).then().statusCode(200)
                .body("status", is("USING_KEY")));
    }

    @Test
    void aWithdrawnKeyIsReportedAndNotUsed() {
        String channel = "ch-" + UUID.randomUUID();
        HandoutStub.server.stubFor(get("/channels/" + channel + "/api-key").willReturn(aResponse().withStatus(410)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"channel " + channel + "'s key was withdrawn: permission revoked\"}")));

        send(live(channel, 4, ApiKeyState.PROVISIONED));
        send(provisioned(channel, "key-1"));

        await().atMost(SETTLE).untilAsserted(() -> given().get("/channels/" + channel).then().statusCode(200)
                .body("status", is("STOPPED"))
                .body("reason", is("channel " + channel + "'s key was withdrawn: permission revoked")));
    }

    @Test
    void anUnknownChannelIs404() {
        given().get("/channels/never-seen").then().statusCode(404);
    }

    private static void handsOut(String channel, String secret) {
        HandoutStub.server.stubFor(get("/channels/" + channel + "/api-key").willReturn(okJson("{\"channelId\":\""
                + channel + "\",\"apiKey\":\"" + secret + "\",\"address\":\"https://waba.example\","
                + "\"appId\":\"app-1\",\"createdAt\":\"2026-11-30T04:00:00Z\"}")));
    }

    /** As the services publish: CloudEvents headers, the channel id as key; one partition keeps the test's order. */
    private static void send(Event event) {
        producer.send(new ProducerRecord<>(event.topic().defaultName(), 0, event.key(), CODEC.encode(event),
                CloudEventHeaders.asKafkaHeaders(event, "/test")));
        producer.flush();
    }
}
