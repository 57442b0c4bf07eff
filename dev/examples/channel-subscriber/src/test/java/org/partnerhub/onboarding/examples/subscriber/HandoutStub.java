package org.partnerhub.onboarding.examples.subscriber;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** key-provisioner's hand-out, in process; the example is configured with its URL and {@link #TOKEN}. */
public class HandoutStub implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "token-with-keys-read";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("example.key-provisioner.url", server.baseUrl(), "example.key-provisioner.token", TOKEN);
    }

    @Override
    public void stop() {
        server.stop();
    }
}
