package org.partnerhub.onboarding.hubapi;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An in-process stand-in for the 360dialog Partner API, on a free port. */
public class PartnerApiStub implements QuarkusTestResourceLifecycleManager {

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
