package org.partnerhub.onboarding.hubapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.PartnerClient;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PartnerApiStub.class)
class HubClientTest {

    private static final String KEYS = "/api/v2/partners/partner-1/channels/ch-1/api_keys";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    PartnerApi partnerApi;

    @BeforeEach
    void reset() {
        PartnerApiStub.server.resetAll();
    }

    @Test
    void createsAKeyWithThePartnerApiKeyHeaderAndReadsTheFlatAnswer() throws IOException {
        PartnerApiStub.server.stubFor(post(KEYS).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("api_key_created.json"))));

        ChannelApiKey key = partnerApi.hub("main").createApiKey("ch-1").await().atMost(WAIT);

        assertThat(key.id()).isEqualTo("201126");
        assertThat(key.apiKey()).isEqualTo("sandbox-key-NOT-A-REAL-SECRET-0001");
        assertThat(key.address()).isEqualTo("https://waba-v2.360dialog.io");
        assertThat(key.appId()).isEqualTo("104148");
        assertThat(key.toString()).doesNotContain("sandbox-key");
        PartnerApiStub.server.verify(postRequestedFor(urlEqualTo(KEYS))
                .withHeader("X-API-Key", equalTo("fake-partner-api-key")));
    }

    @Test
    void readsTheOlderWrappedAnswerToo() {
        PartnerApiStub.server.stubFor(post(KEYS).willReturn(okJson(
                "{\"api_keys\":[{\"id\":7,\"api_key\":\"fake-wrapped\",\"address\":\"https://a\",\"app_id\":\"9\"}]}")));

        ChannelApiKey key = partnerApi.hub("main").createApiKey("ch-1").await().atMost(WAIT);

        assertThat(key.id()).isEqualTo("7");
        assertThat(key.apiKey()).isEqualTo("fake-wrapped");
    }

    @Test
    void listsKeysWithOrWithoutTheirSecret() {
        PartnerApiStub.server.stubFor(get(KEYS).willReturn(okJson("{\"api_keys\":[{\"id\":\"1\",\"api_key\":\"fake-a\","
                + "\"created_at\":\"2026-01-02T03:04:05Z\"},{\"id\":\"2\",\"created_at\":\"2026-01-02T03:04:05\"}]}")));

        List<ChannelApiKey> keys = partnerApi.hub("main").apiKeys("ch-1").await().atMost(WAIT);

        assertThat(keys).extracting(ChannelApiKey::id).containsExactly("1", "2");
        assertThat(keys).extracting(ChannelApiKey::revealsSecret).containsExactly(true, false);
        assertThat(keys.get(1).createdAt()).isEqualTo(keys.get(0).createdAt());
    }

    @Test
    void tooManyRequestsIsTransientAndCarriesRetryAfter() {
        PartnerApiStub.server.stubFor(post(KEYS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        TransientHubApiException failure = failureOf(partnerApi.hub("main").createApiKey("ch-1"),
                TransientHubApiException.class);

        assertThat(failure.status()).hasValue(429);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        PartnerApiStub.server.stubFor(post(KEYS).willReturn(aResponse().withStatus(503)));
        assertThat(failureOf(partnerApi.hub("main").createApiKey("ch-1"), TransientHubApiException.class).status())
                .hasValue(503);

        PartnerApiStub.server.stubFor(post(KEYS).willReturn(okJson("{}").withFixedDelay(6_000)));
        TransientHubApiException timeout = failureOf(partnerApi.hub("main").createApiKey("ch-1"),
                TransientHubApiException.class);
        assertThat(timeout.status()).isEmpty();
        assertThat(timeout.getMessage()).contains("timed out");
    }

    @Test
    void clientErrorsArePermanentWithTheDeveloperMessageAndNoSecret() {
        PartnerApiStub.server.stubFor(post(KEYS).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"meta\":{\"success\":false,"
                        + "\"http_code\":403,\"developer_message\":\"Partner has no permission\"}}")));

        PermanentHubApiException failure = failureOf(partnerApi.hub("main").createApiKey("ch-1"),
                PermanentHubApiException.class);

        assertThat(failure.status()).hasValue(403);
        assertThat(failure.getMessage()).contains("Partner has no permission").doesNotContain("fake-partner-api-key");
    }

    @Test
    void legacyLoginFetchesATokenOnceAndRenewsItOnceAfterA401() {
        PartnerApiStub.server.stubFor(post("/api/v2/token").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"fake-token-1\",\"token_type\":\"Bearer\",\"expires_in\":86400}"))
                .willSetStateTo("second"));
        PartnerApiStub.server.stubFor(post("/api/v2/token").inScenario("token").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"fake-token-2\",\"token_type\":\"Bearer\"}")));
        String channel = "/api/v2/partners/partner-2/channels/ch-9";
        PartnerApiStub.server.stubFor(get(channel).withHeader("Authorization", equalTo("Bearer fake-token-1"))
                .willReturn(aResponse().withStatus(401)));
        PartnerApiStub.server.stubFor(get(channel).withHeader("Authorization", equalTo("Bearer fake-token-2"))
                .willReturn(okJson("{\"id\":\"ch-9\",\"client_id\":\"cl-1\",\"status\":\"running\","
                        + "\"setup_info\":{\"phone_number\":\"+4900000\"}}")));

        HubChannel first = partnerApi.hub("legacy").channel("ch-9").await().atMost(WAIT);
        HubChannel second = partnerApi.hub("legacy").channel("ch-9").await().atMost(WAIT);

        assertThat(first.status()).isEqualTo("running");
        assertThat(second.phoneNumber()).isEqualTo("+4900000");
        PartnerApiStub.server.verify(2, postRequestedFor(urlEqualTo("/api/v2/token"))
                .withRequestBody(equalToJson("{\"username\":\"fake-user\",\"password\":\"fake-password\"}")));
    }

    @Test
    void listsChannelsWithJsonFiltersAndPagination() {
        PartnerApiStub.server.stubFor(get(urlPathEqualTo("/api/v2/partners/partner-1/channels")).willReturn(okJson(
                "{\"count\":1,\"total\":3,\"limit\":1,\"offset\":1,\"partner_channels\":[{\"id\":\"ch-2\","
                        + "\"client\":{\"id\":\"cl-2\"},\"status\":\"ready\"}]}")));

        Page<HubChannel> page = partnerApi.hub("main")
                .channels(ListQuery.all().where("status", "ready").page(1, 1).sortedBy("-created_at"))
                .await().atMost(WAIT);

        assertThat(page.items()).extracting(HubChannel::id, HubChannel::clientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ch-2", "cl-2"));
        assertThat(page.hasMore()).isTrue();
        PartnerApiStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v2/partners/partner-1/channels"))
                .withQueryParam("filters", equalToJson("{\"status\":\"ready\"}"))
                .withQueryParam("limit", equalTo("1")).withQueryParam("offset", equalTo("1"))
                .withQueryParam("sort", equalTo("-created_at")));
    }

    @Test
    void findsOneClientByIdWithItsPartnerPayload() {
        PartnerApiStub.server.stubFor(get(urlPathEqualTo("/api/v2/partners/partner-1/clients"))
                .withQueryParam("filters", equalToJson("{\"id\":\"cl-1\"}"))
                .willReturn(okJson("{\"count\":1,\"total\":1,\"clients\":[{\"id\":\"cl-1\","
                        + "\"partner_payload\":\"tenant-7\"}]}")));
        PartnerApiStub.server.stubFor(get(urlPathEqualTo("/api/v2/partners/partner-1/clients"))
                .withQueryParam("filters", equalToJson("{\"id\":\"cl-2\"}"))
                .willReturn(okJson("{\"count\":1,\"total\":1,\"clients\":[{\"id\":\"cl-2\"}]}")));
        PartnerApiStub.server.stubFor(get(urlPathEqualTo("/api/v2/partners/partner-1/clients"))
                .withQueryParam("filters", equalToJson("{\"id\":\"cl-none\"}"))
                .willReturn(okJson("{\"count\":0,\"total\":0,\"clients\":[]}")));

        HubClient hub = partnerApi.hub("main");

        assertThat(hub.client("cl-1").await().atMost(WAIT).map(PartnerClient::partnerPayload))
                .contains("tenant-7");
        assertThat(hub.client("cl-2").await().atMost(WAIT)).get().extracting(PartnerClient::partnerPayload)
                .isNull();
        assertThat(hub.client("cl-none").await().atMost(WAIT)).isEmpty();
    }

    @Test
    void walksEveryPageOfAClientsChannelsUpToTheBound() {
        String channels = "/api/v2/partners/partner-1/channels";
        for (int page = 0; page < 3; page++) {
            PartnerApiStub.server.stubFor(get(urlPathEqualTo(channels))
                    .withQueryParam("filters", equalToJson("{\"client_id\":\"cl-1\"}"))
                    .withQueryParam("offset", equalTo(String.valueOf(page * HubClient.LIST_PAGE_SIZE)))
                    .willReturn(okJson("{\"total\":250,\"limit\":100,\"offset\":" + page * HubClient.LIST_PAGE_SIZE
                            + ",\"partner_channels\":" + channelsJson(page * 100, page == 2 ? 50 : 100) + "}")));
        }

        List<HubChannel> all = partnerApi.hub("main").channelsOfClient("cl-1", 10).await().atMost(WAIT);
        List<HubChannel> bounded = partnerApi.hub("main").channelsOfClient("cl-1", 2).await().atMost(WAIT);

        assertThat(all).hasSize(250).extracting(HubChannel::clientId).containsOnly("cl-1");
        assertThat(bounded).hasSize(200);
    }

    @Test
    void readsAClientsSharedNumbersInEitherShapeAndRefusesAnAnswerItCannotReadWhole() {
        String shared = "/api/v2/partners/partner-1/clients/%s/shared_client_numbers";
        PartnerApiStub.server.stubFor(get(String.format(shared, "cl-1")).willReturn(okJson("{\"count\":2,"
                + "\"shared_client_numbers\":[{\"id\":\"ch-1\",\"phone_number\":\"+4915100000001\"},"
                + "{\"channel_id\":\"ch-2\"}]}")));
        PartnerApiStub.server.stubFor(get(String.format(shared, "cl-2")).willReturn(okJson(
                "[{\"id\":\"ch-3\",\"phone_number\":\"+4915100000003\"}]")));
        PartnerApiStub.server.stubFor(get(String.format(shared, "cl-none")).willReturn(okJson(
                "{\"count\":0,\"shared_client_numbers\":[]}")));
        PartnerApiStub.server.stubFor(get(String.format(shared, "cl-unknown")).willReturn(aResponse().withStatus(404)));
        PartnerApiStub.server.stubFor(get(String.format(shared, "cl-paged")).willReturn(okJson(
                "{\"count\":3,\"shared_client_numbers\":[{\"id\":\"ch-4\"}]}")));
        PartnerApiStub.server.stubFor(get(String.format(shared, "cl-odd")).willReturn(okJson(
                "{\"numbers\":[{\"id\":\"ch-5\"}]}")));
        PartnerApiStub.server.stubFor(get(String.format(shared, "cl-no-id")).willReturn(okJson(
                "{\"shared_client_numbers\":[{\"phone_number\":\"+4915100000006\"}]}")));
        HubClient hub = partnerApi.hub("main");

        assertThat(hub.sharedNumbers("cl-1").await().atMost(WAIT)).containsExactly(
                new SharedNumber("ch-1", "+4915100000001"), new SharedNumber("ch-2", null));
        assertThat(hub.sharedNumbers("cl-2").await().atMost(WAIT)).containsExactly(
                new SharedNumber("ch-3", "+4915100000003"));
        assertThat(hub.sharedNumbers("cl-none").await().atMost(WAIT)).isEmpty();
        assertThat(failureOf(hub.sharedNumbers("cl-unknown"), PermanentHubApiException.class).status()).hasValue(404);
        for (String unreadable : List.of("cl-paged", "cl-odd", "cl-no-id")) {
            assertThat(failureOf(hub.sharedNumbers(unreadable), PermanentHubApiException.class))
                    .as(unreadable).hasMessageContaining("list shared numbers");
        }
        PartnerApiStub.server.verify(getRequestedFor(urlEqualTo(String.format(shared, "cl-1")))
                .withHeader("X-API-Key", equalTo("fake-partner-api-key")));
    }

    private static String channelsJson(int from, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = from; i < from + count; i++) {
            json.append(i == from ? "" : ",").append("{\"id\":\"ch-").append(i).append("\",\"client_id\":\"cl-1\"}");
        }
        return json.append("]").toString();
    }

    @Test
    void readsAndSetsThePartnerWebhookAndRedirectUrls() {
        PartnerApiStub.server.stubFor(get("/api/v2/partners/partner-1/webhook_url")
                .willReturn(okJson("{\"webhook_url\":\"https://old.example/hook\"}")));
        PartnerApiStub.server.stubFor(get("/api/v2/partners/partner-1")
                .willReturn(okJson("{\"id\":\"partner-1\",\"partner_redirect_url\":\"https://old.example/back\"}")));
        PartnerApiStub.server.stubFor(patch(urlEqualTo("/api/v2/partners/partner-1")).willReturn(okJson("{}")));

        PartnerSettings settings = partnerApi.hub("main").settings().await().atMost(WAIT);
        partnerApi.hub("main").setRedirectUrl("https://new.example/back").await().atMost(WAIT);

        assertThat(settings).isEqualTo(new PartnerSettings(java.util.Optional.of("https://old.example/hook"),
                java.util.Optional.of("https://old.example/back")));
        PartnerApiStub.server.verify(patchRequestedFor(urlEqualTo("/api/v2/partners/partner-1"))
                .withRequestBody(equalToJson("{\"partner_redirect_url\":\"https://new.example/back\"}")));
    }

    @Test
    void setsTheWebhookUrlWithItsStaticHeaderOrWithoutAny() {
        PartnerApiStub.server.stubFor(post(urlEqualTo("/api/v2/partners/partner-1/webhook_url"))
                .willReturn(okJson("{}")));

        partnerApi.hub("main").setWebhookUrl("https://hooks.example/main",
                java.util.Optional.of(new WebhookHeader("X-Hook-Token", "fake-header-value"))).await().atMost(WAIT);
        partnerApi.hub("main").setWebhookUrl("https://hooks.example/plain").await().atMost(WAIT);

        PartnerApiStub.server.verify(postRequestedFor(urlEqualTo("/api/v2/partners/partner-1/webhook_url"))
                .withRequestBody(equalToJson("{\"webhook_url\":\"https://hooks.example/main\","
                        + "\"headers\":{\"X-Hook-Token\":\"fake-header-value\"}}")));
        PartnerApiStub.server.verify(postRequestedFor(urlEqualTo("/api/v2/partners/partner-1/webhook_url"))
                .withRequestBody(equalToJson("{\"webhook_url\":\"https://hooks.example/plain\"}")));
        assertThat(new WebhookHeader("X-Hook-Token", "fake-header-value").toString())
                .doesNotContain("fake-header-value");
    }

    private static <T extends Throwable> T failureOf(io.smallrye.mutiny.Uni<?> call, Class<T> type) {
        return catchThrowableOfType(type, () -> call.await().atMost(WAIT));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = HubClientTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
