package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The 360dialog Partner API for partner {@code partner-1}, in process. Hub setup runs at start-up, so its answers
 * are stubbed before the application starts: a stale webhook URL and the configured redirect URL.
 */
public class PartnerApiStub implements QuarkusTestResourceLifecycleManager {

    public static final String PARTNER = "/api/v2/partners/partner-1";
    public static WireMockServer server;
    /** The key store behind stubs that name {@link HubKeys#NAME}. */
    static HubKeys keys;

    @Override
    public Map<String, String> start() {
        keys = new HubKeys();
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(keys)
                .containerThreads(80));
        server.start();
        server.stubFor(get(PARTNER + "/webhook_url").willReturn(okJson("{\"webhook_url\":\"https://old.example/hook\"}")));
        server.stubFor(get(PARTNER).willReturn(okJson(
                "{\"id\":\"partner-1\",\"partner_redirect_url\":\"https://keys.example/onboarding/redirect\"}")));
        server.stubFor(post(PARTNER + "/webhook_url").willReturn(okJson("{}")));
        return Map.of("onboarding.hub-api.url", server.baseUrl() + "/api/v2");
    }

    static String keysPath(String channel) {
        return PARTNER + "/channels/" + channel + "/api_keys";
    }

    /** 360dialog creates key {@code key-<channel>} with the fake secret {@code fake-secret-<channel>}. */
    static void stubCreated(String channel) {
        server.stubFor(post(keysPath(channel)).willReturn(created(channel)));
    }

    static ResponseDefinitionBuilder created(String channel) {
        return created(channel, "https://waba.example");
    }

    static ResponseDefinitionBuilder created(String channel, String address) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"key-"
                + channel + "\",\"api_key\":\"fake-secret-" + channel + "\",\"address\":\"" + address + "\","
                + "\"app_id\":\"app-" + channel + "\"}");
    }

    /** The messaging API (WhatsApp API) of the channel's keys, in this stub too: {@code /waba/<channel>}. */
    static String messagingAddress(String channel) {
        return server.baseUrl() + "/waba/" + channel;
    }

    static String messagingWebhookPath(String channel) {
        return "/waba/" + channel + "/v1/configs/webhook";
    }

    /** The channel's keys live in {@link #keys}; creations are answered after {@code createDelayMs}. */
    static void stubHubKeys(String channel, int createDelayMs) {
        server.stubFor(post(keysPath(channel))
                .willReturn(aResponse().withFixedDelay(createDelayMs).withTransformers(HubKeys.NAME)));
        server.stubFor(get(keysPath(channel)).willReturn(aResponse().withTransformers(HubKeys.NAME)));
        server.stubFor(delete(urlPathMatching(keysPath(channel) + "/.*"))
                .willReturn(aResponse().withTransformers(HubKeys.NAME)));
    }

    @Override
    public void stop() {
        server.stop();
    }
}
