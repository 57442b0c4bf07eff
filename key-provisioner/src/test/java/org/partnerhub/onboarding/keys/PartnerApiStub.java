package org.partnerhub.onboarding.keys;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The 360dialog Partner API for partner {@code partner-1}, in process. */
public class PartnerApiStub implements QuarkusTestResourceLifecycleManager {

    static final String PARTNER = "/api/v2/partners/partner-1";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("onboarding.hub-api.url", server.baseUrl() + "/api/v2");
    }

    @Override
    public void stop() {
        server.stop();
    }
}
