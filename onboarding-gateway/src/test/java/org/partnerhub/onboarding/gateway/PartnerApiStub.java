package org.partnerhub.onboarding.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An in-process stand-in for 360dialog's Partner API on a free port. Tests describe what 360dialog knows: a client
 * (with or without its {@code partner_payload}), the channels it lists under the client, and channels it lists under
 * other clients. Anything not described is unknown to it: a client listing comes back empty, a channel 404.
 */
public class PartnerApiStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        // What 360dialog answers for ids it does not know: empty listings (a channel by id is then a 404).
        server.stubFor(get(urlPathMatching("/api/v2/partners/[^/]+/clients")).atPriority(10)
                .willReturn(okJson("{\"count\":0,\"total\":0,\"offset\":0,\"clients\":[]}")));
        server.stubFor(get(urlPathMatching("/api/v2/partners/[^/]+/channels")).atPriority(10)
                .willReturn(okJson("{\"count\":0,\"total\":0,\"offset\":0,\"partner_channels\":[]}")));
        return Map.of("onboarding.hub-api.url", server.baseUrl() + "/api/v2");
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** A client of the partner, and the channels 360dialog lists under it. @param payload null for none */
    static void client(String partnerId, String clientId, String payload, String... channels) {
        String clientJson = "{\"id\":\"" + clientId + "\"" + (payload == null ? "" : ",\"partner_payload\":\"" + payload
                + "\"") + "}";
        server.stubFor(get(urlPathEqualTo(base(partnerId) + "/clients"))
                .withQueryParam("filters", equalToJson("{\"id\":\"" + clientId + "\"}"))
                .willReturn(okJson("{\"count\":1,\"total\":1,\"offset\":0,\"clients\":[" + clientJson + "]}")));
        String listed = List.of(channels).stream().map(channel -> channelJson(channel, clientId))
                .collect(Collectors.joining(","));
        server.stubFor(get(urlPathEqualTo(base(partnerId) + "/channels"))
                .withQueryParam("filters", equalToJson("{\"client_id\":\"" + clientId + "\"}"))
                .willReturn(okJson("{\"count\":" + channels.length + ",\"total\":" + channels.length
                        + ",\"offset\":0,\"partner_channels\":[" + listed + "]}")));
        for (String channel : channels) {
            channelOf(partnerId, channel, clientId);
        }
    }

    /** A channel 360dialog lists under the given client, when asked for it by id. */
    static void channelOf(String partnerId, String channelId, String clientId) {
        server.stubFor(get(urlPathEqualTo(base(partnerId) + "/channels/" + channelId))
                .willReturn(okJson(channelJson(channelId, clientId))));
    }

    /** Every Partner API call of the partner answered 503, as while 360dialog is down, until {@link #up}. */
    static StubMapping down(String partnerId) {
        return server.stubFor(get(urlPathMatching(base(partnerId) + "/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    /** Every Partner API call of the partner answered only after the given delay, until {@link #up}. */
    static StubMapping slow(String partnerId, int delayMillis) {
        return server.stubFor(get(urlPathMatching(base(partnerId) + "/.*")).atPriority(1)
                .willReturn(okJson("{}").withFixedDelay(delayMillis)));
    }

    /** 360dialog answers again: the stubs described before {@link #down} or {@link #slow} apply. */
    static void up(StubMapping outage) {
        server.removeStubMapping(outage);
    }

    private static String channelJson(String channelId, String clientId) {
        return "{\"id\":\"" + channelId + "\",\"client_id\":\"" + clientId + "\",\"status\":\"running\"}";
    }

    private static String base(String partnerId) {
        return "/api/v2/partners/" + partnerId;
    }
}
