package org.partnerhub.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.PartnerClient;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;
import org.partnerhub.onboarding.hubapi.HubClient;
import org.partnerhub.onboarding.hubapi.ListQuery;
import org.partnerhub.onboarding.hubapi.Page;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.hubapi.PartnerSettings;
import org.partnerhub.onboarding.hubapi.PermanentHubApiException;
import org.partnerhub.onboarding.hubapi.TransientHubApiException;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The services' own Partner API client ({@code libs/hub-api}) against the sandbox: both speak the same dialect. */
@QuarkusTest
@TestProfile(HubApiDialectTest.FixedPort.class)
class HubApiDialectTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    PartnerApi partnerApi;

    @ConfigProperty(name = "onboarding.hub-api.url")
    String hubApiUrl;

    @BeforeEach
    void reset() {
        Sandbox.reset();
    }

    @Test
    void theClientCreatesListsAndDeletesKeysOfARunningChannel() {
        HubClient hub = partnerApi.hub("main");
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "tenant-9", number);
        String channelId = Sandbox.channelOf(number);

        await().atMost(WAIT).until(() -> List.of("running", "live")
                .contains(hub.channel(channelId).await().atMost(WAIT).status()));
        HubChannel channel = hub.channel(channelId).await().atMost(WAIT);
        assertThat(channel.phoneNumber()).isEqualTo(number);
        assertThat(channel.createdAt()).isNotNull();

        ChannelApiKey key = hub.createApiKey(channelId).await().atMost(WAIT);
        assertThat(key.revealsSecret()).isTrue();
        assertThat(key.address()).as("the sandbox's own base URL, where its messaging API answers")
                .isEqualTo(hubApiUrl.replaceFirst("/api/v2$", ""));
        assertThat(hub.apiKeys(channelId).await().atMost(WAIT)).extracting(ChannelApiKey::id).containsExactly(key.id());

        hub.deleteApiKey(channelId, key.id()).await().atMost(WAIT);
        assertThat(hub.apiKeys(channelId).await().atMost(WAIT)).isEmpty();

        Page<HubChannel> running = hub.channels(ListQuery.all().where("client_id", channel.clientId())
                .where("setup_info.phone_number", number).page(10, 0)).await().atMost(WAIT);
        assertThat(running.items()).extracting(HubChannel::id).containsExactly(channelId);
        assertThat(running.hasMore()).isFalse();
        Page<PartnerClient> clients = hub.clients(ListQuery.all().where("id", channel.clientId())).await()
                .atMost(WAIT);
        assertThat(clients.items()).extracting(PartnerClient::name).containsExactly("Acme Bakery GmbH");
    }

    @Test
    void theGatewaysRedirectChecksFindTheClientItsPayloadAndItsChannels() {
        HubClient hub = partnerApi.hub("main");
        String first = Sandbox.newNumber();
        String second = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "tenant-11", first, second);
        String channelId = Sandbox.channelOf(first);
        String clientId = hub.channel(channelId).await().atMost(WAIT).clientId();

        assertThat(hub.client(clientId).await().atMost(WAIT).map(PartnerClient::partnerPayload))
                .contains("tenant-11");
        assertThat(hub.client("unknownCL").await().atMost(WAIT)).isEmpty();
        assertThat(hub.channelsOfClient(clientId, 2).await().atMost(WAIT)).extracting(HubChannel::id)
                .containsExactlyInAnyOrder(channelId, Sandbox.channelOf(second));
    }

    @Test
    void theClientSetsTheHubsUrlsAndReadsThemBack() {
        HubClient hub = partnerApi.hub("main");

        hub.setWebhookUrl("https://partner.example/webhooks/360dialog/main").await().atMost(WAIT);
        hub.setRedirectUrl("https://partner.example/onboarding/redirect").await().atMost(WAIT);

        PartnerSettings settings = hub.settings().await().atMost(WAIT);
        assertThat(settings.webhookUrl()).contains("https://partner.example/webhooks/360dialog/main");
        assertThat(settings.redirectUrl()).contains("https://partner.example/onboarding/redirect");
    }

    @Test
    void theLegacyLoginWorksThroughTheClient() {
        Page<HubChannel> none = partnerApi.hub("legacy").channels(ListQuery.all()).await().atMost(WAIT);

        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void refusalsAreClassifiedAsTheServicesExpect() {
        Sandbox.faults(Map.of("stepDelayMs", 3_600_000));
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        PermanentHubApiException notRunning = catchThrowableOfType(PermanentHubApiException.class,
                () -> partnerApi.hub("main").createApiKey(Sandbox.channelOf(number)).await().atMost(WAIT));
        assertThat(notRunning.status()).hasValue(400);
        assertThat(notRunning.getMessage()).contains("is not running");

        Sandbox.faults(Map.of("throttleRate", 1, "retryAfterSeconds", 5));
        TransientHubApiException throttled = catchThrowableOfType(TransientHubApiException.class,
                () -> partnerApi.hub("main").channels(ListQuery.all()).await().atMost(WAIT));
        assertThat(throttled.status()).hasValue(429);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(5));
    }

    /** The client's base URL is read at start-up, so the sandbox needs a port known before it starts. */
    public static class FixedPort implements QuarkusTestProfile {

        private static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                    "onboarding.hub-api.url", "http://localhost:" + PORT + "/api/v2");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
