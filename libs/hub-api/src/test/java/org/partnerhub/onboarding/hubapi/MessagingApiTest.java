package org.partnerhub.onboarding.hubapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PartnerApiStub.class)
class MessagingApiTest {

    private static final String WEBHOOK = "/waba/v1/configs/webhook";
    private static final String KEY = "fake-channel-key-NOT-A-SECRET";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    MessagingApi messagingApi;

    @BeforeEach
    void reset() {
        PartnerApiStub.server.resetAll();
    }

    private static String address() {
        return PartnerApiStub.server.baseUrl() + "/waba/";
    }

    @Test
    void setsTheWebhookAtTheKeysAddressWithTheKeyNotThePartnerCredentials() {
        PartnerApiStub.server.stubFor(post(WEBHOOK).willReturn(okJson("{\"url\":\"https://p.example/wa\"}")));

        messagingApi.setWebhook(address(), KEY, "https://p.example/wa").await().atMost(WAIT);

        PartnerApiStub.server.verify(1, postRequestedFor(urlEqualTo(WEBHOOK)).withHeader("D360-API-KEY", equalTo(KEY))
                .withoutHeader("X-API-Key").withRequestBody(equalToJson("{\"url\":\"https://p.example/wa\"}")));
    }

    @Test
    void aRejectedKeyIsPermanentAServerErrorTransientAndNeitherNamesTheKey() {
        PartnerApiStub.server.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"meta\":{\"developer_message\":\"Invalid api key\"}}")));
        PermanentHubApiException rejected = catchThrowableOfType(PermanentHubApiException.class,
                () -> messagingApi.setWebhook(address(), KEY, "https://p.example/wa").await().atMost(WAIT));
        assertThat(rejected.status()).hasValue(401);
        assertThat(rejected).hasMessage("set messaging webhook: HTTP 401 (Invalid api key)");

        PartnerApiStub.server.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "7")));
        TransientHubApiException unavailable = catchThrowableOfType(TransientHubApiException.class,
                () -> messagingApi.setWebhook(address(), KEY, "https://p.example/wa").await().atMost(WAIT));
        assertThat(unavailable.retryAfter()).hasValue(Duration.ofSeconds(7));
        assertThat(unavailable.getMessage()).doesNotContain(KEY);
    }

    @Test
    void aKeyWithoutAnAddressFailsPermanentlyWithoutACall() {
        PermanentHubApiException failure = catchThrowableOfType(PermanentHubApiException.class,
                () -> messagingApi.setWebhook(null, KEY, "https://p.example/wa").await().atMost(WAIT));

        assertThat(failure).hasMessage("set messaging webhook: the key came without an address");
        assertThat(PartnerApiStub.server.getAllServeEvents()).isEmpty();
    }
}
