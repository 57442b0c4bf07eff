package org.partnerhub.onboarding.state.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** key-provisioner's retry API, in process, for the console's forwarding. */
public class KeyProvisionerStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("onboarding.console.key-provisioner.url", server.baseUrl());
    }

    @Override
    public void stop() {
        server.stop();
    }

    static void answers(String channelId, int status, String body) {
        server.stubFor(post(path(channelId)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static List<LoggedRequest> retriesOf(String channelId) {
        return server.findAll(postRequestedFor(urlEqualTo(path(channelId))));
    }

    private static String path(String channelId) {
        return "/channels/" + channelId + "/api-key/retry";
    }
}
