package org.partnerhub.onboarding.state.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.partnerhub.onboarding.events.hub.HubWebhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The 360dialog Partner API of hub {@code main} (partner {@code partner-main}, API key {@code fake-partner-api-key}),
 * and of the Direct Payment hubs {@code drift} and {@code budget} (partners {@code partner-drift},
 * {@code partner-budget}), and of the import's hubs {@code import-a}, {@code import-b}, {@code import-c} (partners
 * {@code partner-import-a}, ...), in process. Channels and clients nobody stubbed are unknown to it (404).
 */
public class PartnerApiStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("onboarding.hub-api.url", server.baseUrl() + "/api/v2");
    }

    /** 360dialog answers for the channel with the channel object a webhook carried. */
    public static void knows(HubWebhook.ChannelWebhook webhook) {
        answers(webhook.channel().id(), okJson(webhook.data().toString()));
    }

    /** Any further stub, e.g. a listing's pages. */
    public static void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Told of every request as the stub answers it, on the stub's thread, while the caller waits for the answer. */
    public static void listen(Consumer<Request> listener) {
        server.addMockServiceRequestListener((request, response) -> listener.accept(request));
    }

    public static List<LoggedRequest> requests(RequestPatternBuilder pattern) {
        return server.findAll(pattern);
    }

    public static void answers(String channelId, ResponseDefinitionBuilder answer) {
        server.stubFor(get(channelPath(channelId)).willReturn(answer));
    }

    public static List<LoggedRequest> requestsFor(String channelId) {
        return server.findAll(getRequestedFor(urlEqualTo(channelPath(channelId))));
    }

    /**
     * 360dialog answers which of the client's numbers it shares with the partner: these channels (none: every
     * permission withdrawn).
     */
    public static void shares(String partnerId, String clientId, String... channelIds) {
        StringBuilder items = new StringBuilder();
        for (String channelId : channelIds) {
            items.append(items.isEmpty() ? "" : ",").append("{\"id\":\"").append(channelId)
                    .append("\",\"phone_number\":\"+4915123456789\"}");
        }
        server.stubFor(get(sharedNumbersPath(partnerId, clientId)).willReturn(okJson("{\"count\":"
                + channelIds.length + ",\"shared_client_numbers\":[" + items + "]}")));
    }

    /** The shared-numbers questions asked about the partner's clients so far. */
    public static List<LoggedRequest> sharedNumbersRequests(String partnerId) {
        return server.findAll(getRequestedFor(urlMatching(sharedNumbersPath(partnerId, "[^/]+"))));
    }

    public static List<LoggedRequest> sharedNumbersRequests(String partnerId, String clientId) {
        return server.findAll(getRequestedFor(urlEqualTo(sharedNumbersPath(partnerId, clientId))));
    }

    private static String sharedNumbersPath(String partnerId, String clientId) {
        return "/api/v2/partners/" + partnerId + "/clients/" + clientId + "/shared_client_numbers";
    }

    private static String channelPath(String channelId) {
        return "/api/v2/partners/partner-main/channels/" + channelId;
    }

    @Override
    public void stop() {
        server.stop();
    }
}
