package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.hub.PartnerClient;
import org.partnerhub.onboarding.events.hub.UnknownHubWebhook;

class HubWebhooksTest {

    private static final String HUB = "hub-direct";

    static HubWebhook parse(String body) {
        return HubWebhooks.parse(HUB, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void clientCreatedFixture() throws IOException {
        HubWebhook webhook = HubWebhooks.parse(HUB, fixture("client_created.json"));

        assertThat(webhook).isInstanceOf(HubWebhook.ClientCreated.class);
        assertThat(webhook.type()).isEqualTo("com.360dialog.partner.client_created");
        assertThat(webhook.id()).isEqualTo("evt-7Hq2c1");
        assertThat(webhook.key()).isEqualTo("oaY9LLfUCL");
        assertThat(webhook.subject()).isEqualTo("oaY9LLfUCL");
        assertThat(webhook.hubId()).isEqualTo(HUB);
        assertThat(((HubWebhook.ClientCreated) webhook).client()).isEqualTo(new PartnerClient(
                "oaY9LLfUCL", "Acme Bakery GmbH", "tenant-42", "owner@acme-bakery.example", "active", null));
    }

    @Test
    void clientCreatedWithTheClientWrappedReadsTheSameClient() throws IOException {
        HubWebhook webhook = HubWebhooks.parse(HUB, fixture("client_created_wrapped.json"));

        assertThat(webhook).isInstanceOf(HubWebhook.ClientCreated.class);
        assertThat(webhook.key()).isEqualTo("oaY9LLfUCL");
        assertThat(webhook.subject()).isEqualTo("oaY9LLfUCL");
        assertThat(((HubWebhook.ClientCreated) webhook).client()).isEqualTo(new PartnerClient(
                "oaY9LLfUCL", "Acme Bakery GmbH", "tenant-42", "owner@acme-bakery.example", "active",
                Instant.parse("2026-11-20T09:12:41Z")));
    }

    @Test
    void aPartnerApiShapedChannelReadsItsClientTimesWithoutZoneAndEmptyFieldsAsAbsent() {
        HubWebhook webhook = parse("{\"event\":\"channel_ready\",\"data\":{\"id\":\"y9MiLoCH\","
                + "\"client\":{\"id\":\"oaY9LLfUCL\",\"partner_payload\":\"\"},\"status\":\"ready\","
                + "\"created_at\":\"2026-11-20T09:14:03\",\"modified_at\":\"2026-11-20T09:20:00.5Z\"}}");

        HubChannel channel = ((HubWebhook.ChannelReady) webhook).channel();
        assertThat(channel.clientId()).isEqualTo("oaY9LLfUCL");
        assertThat(channel.createdAt()).isEqualTo(Instant.parse("2026-11-20T09:14:03Z"));
        assertThat(channel.modifiedAt()).isEqualTo(Instant.parse("2026-11-20T09:20:00.5Z"));
        assertThat(channel.partnerPayload()).isNull();
    }

    @Test
    void channelCreatedFixture() throws IOException {
        HubWebhook webhook = HubWebhooks.parse(HUB, fixture("channel_created.json"));

        assertThat(webhook).isInstanceOf(HubWebhook.ChannelCreated.class);
        assertThat(webhook.type()).isEqualTo("com.360dialog.partner.channel_created");
        assertThat(webhook.id()).isEqualTo("evt-9Xk3d2");
        assertThat(webhook.key()).isEqualTo("y9MiLoCH");
        assertThat(((HubWebhook.ChannelCreated) webhook).channel()).isEqualTo(new HubChannel(
                "y9MiLoCH", "oaY9LLfUCL", "created", "sandbox", Instant.parse("2026-11-20T09:14:03Z"), null, null,
                null, "4915123456789", "Acme Bakery", "Acme Bakery GmbH", "tenant-42", "ab12WA"));
    }

    @Test
    void channelRunningFixtureKeepsTheFieldsItDoesNotType() throws IOException {
        HubWebhook webhook = HubWebhooks.parse(HUB, fixture("channel_running.json"), SampleEvents.AT);

        assertThat(webhook).isInstanceOfSatisfying(HubWebhook.ChannelRunning.class, running -> {
            assertThat(running.channel().status()).isEqualTo("running");
            assertThat(running.channel().accountMode()).isEqualTo("live");
        });
        assertThat(webhook.key()).isEqualTo("y9MiLoCH");
        assertThat(webhook.occurredAt()).isEqualTo(SampleEvents.AT);
        assertThat(webhook.data().get("current_quality_rating").asText()).isEqualTo("GREEN");
        assertThat(webhook.data().get("current_limit").asInt()).isEqualTo(250);
    }

    static Stream<EventType> knownTypes() {
        return Arrays.stream(EventType.values())
                .filter(type -> type.topic() == Topic.HUB_WEBHOOKS && type != EventType.HUB_UNKNOWN);
    }

    @ParameterizedTest
    @MethodSource("knownTypes")
    void everyKnownEventHasItsOwnRecord(EventType type) {
        String event = type.ceType().substring(HubWebhook.TYPE_PREFIX.length());

        HubWebhook webhook = parse("{\"event\":\"" + event + "\",\"data\":{}}");

        assertThat(webhook).isInstanceOf(type.eventClass());
        assertThat(webhook.event()).isEqualTo(event);
        assertThat(webhook.type()).isEqualTo(type.ceType());
    }

    @Test
    void anUnknownEventIsKeptWithItsName() {
        HubWebhook webhook = parse("{\"id\":\"evt-1\",\"event\":\"number_ported\","
                + "\"data\":{\"id\":\"y9MiLoCH\",\"client_id\":\"oaY9LLfUCL\"}}");

        assertThat(webhook).isInstanceOf(UnknownHubWebhook.class);
        assertThat(webhook.event()).isEqualTo("number_ported");
        assertThat(webhook.type()).isEqualTo("com.360dialog.partner.number_ported");
        assertThat(EventType.of(webhook.type())).isEqualTo(EventType.HUB_UNKNOWN);
        assertThat(webhook.key()).isEqualTo("y9MiLoCH");
    }

    @Test
    void anEnvelopeWithoutEventIsKeptToo() {
        HubWebhook webhook = parse("{\"id\":\"evt-1\",\"data\":{}}");

        assertThat(webhook).isInstanceOf(UnknownHubWebhook.class);
        assertThat(webhook.event()).isNull();
    }

    @Test
    void aBodyWithoutIdIsIdentifiedByHubAndBody() throws Exception {
        String body = "{\"event\":\"channel_ready\",\"data\":{\"id\":\"y9MiLoCH\",\"client_id\":\"oaY9LLfUCL\"}}";
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((HUB + "\0" + body).getBytes(StandardCharsets.UTF_8));

        HubWebhook webhook = parse(body);

        assertThat(webhook.id()).isEqualTo(HexFormat.of().formatHex(sha256.digest()));
        assertThat(parse(body).id()).isEqualTo(webhook.id());
        assertThat(HubWebhooks.parse("hub-partner", body.getBytes(StandardCharsets.UTF_8)).id())
                .isNotEqualTo(webhook.id());
        assertThat(parse(body.replace("channel_ready", "channel_live")).id()).isNotEqualTo(webhook.id());
        assertThat(webhook.key()).isEqualTo("y9MiLoCH");
    }

    @Test
    void withoutAChannelOrClientTheKeyIsTheEventId() {
        HubWebhook webhook = parse("{\"id\":\"evt-5\",\"event\":\"account_violation\","
                + "\"data\":{\"phone_number\":\"4915123456789\",\"violation_type\":\"SPAM\"}}");

        assertThat(webhook).isInstanceOfSatisfying(HubWebhook.AccountViolation.class, violation -> {
            assertThat(violation.phoneNumber()).isEqualTo("4915123456789");
            assertThat(violation.violationType()).isEqualTo("SPAM");
        });
        assertThat(webhook.subject()).isNull();
        assertThat(webhook.key()).isEqualTo("evt-5");
    }

    @Test
    void missingAndOddlyShapedFieldsReadAsNull() {
        HubWebhook webhook = parse("{\"id\":42,\"event\":\"channel_live\",\"extra\":true,"
                + "\"data\":{\"id\":\"y9MiLoCH\",\"client_id\":\"oaY9LLfUCL\","
                + "\"created_at\":\"last tuesday\",\"setup_info\":\"n/a\"}}");

        HubChannel channel = ((HubWebhook.ChannelLive) webhook).channel();
        assertThat(webhook.id()).isEqualTo("42");
        assertThat(channel.createdAt()).isNull();
        assertThat(channel.phoneNumber()).isNull();
        assertThat(channel.status()).isNull();
        assertThat(((HubWebhook.ChannelLive) parse("{\"event\":\"channel_live\"}")).channel().id()).isNull();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsUndecodable() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(EventDecodingException.class);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = HubWebhooksTest.class.getResourceAsStream("/360dialog/" + name)) {
            return in.readAllBytes();
        }
    }
}
