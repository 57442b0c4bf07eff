package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The 360dialog Partner API for partner {@code partner-1}, in process. Hub setup runs at start-up, so its answers
 * are stubbed before the application starts: a stale webhook URL and the configured redirect URL.
 */
public class PartnerApiStub implements QuarkusTestResourceLifecycleManager {

    static final String PARTNER = "/api/v2/partners/partner-1";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(PARTNER + "/webhook_url").willReturn(okJson("{\"webhook_url\":\"https://old.example/hook\"}")));
        server.stubFor(get(PARTNER).willReturn(okJson(
                "{\"id\":\"partner-1\",\"partner_redirect_url\":\"https://keys.example/onboarding/redirect\"}")));
        server.stubFor(post(PARTNER + "/webhook_url").willReturn(okJson("{}")));
        return Map.of("onboarding.hub-api.url", server.baseUrl() + "/api/v2");
    }

    @Override
    public void stop() {
        server.stop();
    }
}
