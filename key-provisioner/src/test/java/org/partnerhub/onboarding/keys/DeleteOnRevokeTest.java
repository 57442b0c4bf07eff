package org.partnerhub.onboarding.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DeleteOnRevokeTest.DeleteOnRevoke.class)
class DeleteOnRevokeTest {

    public static class DeleteOnRevoke implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.keys.delete-on-revoke", "true");
        }
    }

    @Test
    void aRevokedPermissionAlsoDeletesTheKeyAt360dialog() {
        String channel = "deleted-1";
        String key = PartnerApiStub.keysPath(channel) + "/key-" + channel;
        PartnerApiStub.stubCreated(channel);
        PartnerApiStub.server.stubFor(delete(key).willReturn(okJson("{}")));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

        try (ChannelEventsProducer events = new ChannelEventsProducer(bootstrap);
                ApiKeyEventsReader apiKeyEvents = new ApiKeyEventsReader(bootstrap)) {
            events.send(ChannelEventsProducer.running(channel, ChannelStage.RUNNING, 3));
            apiKeyEvents.await(channel, "provisioned");
            events.send(ChannelEventsProducer.revoked(channel, 4));

            String revoked = ApiKeyEventsReader.value(apiKeyEvents.await(channel, "revoked"));

            assertThat(revoked).contains("\"deletedAtHub\":true");
            PartnerApiStub.server.verify(1, deleteRequestedFor(urlEqualTo(key)));
        }
    }
}
