package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** The services' own HTTP APIs, called as another internal service would: channel-state and the key hand-out. */
final class Services {

    private final LocalStack stack;

    Services(LocalStack stack) {
        this.stack = stack;
    }

    /** channel-state's snapshot, or null while it does not know the channel. */
    JsonNode channel(String channelId) {
        Http.Answer answer = Http.get(stack.state.resolve("/channels/" + channelId), "Authorization",
                Http.bearer(stack.readerToken));
        return answer.status() == 404 ? null : answer.json();
    }

    JsonNode history(String channelId) {
        return Http.get(stack.state.resolve("/channels/" + channelId + "/history"), "Authorization",
                Http.bearer(stack.readerToken)).json();
    }

    Http.Answer apiKey(String channelId) {
        return Http.get(stack.keys.resolve("/channels/" + channelId + "/api-key"), "Authorization",
                Http.bearer(stack.keysToken));
    }

    /** Waits until channel-state shows the channel {@code live}, permitted and with its key provisioned. */
    void awaitLiveWithKey(String channel, Duration atMost) {
        await().atMost(atMost).untilAsserted(() -> {
            JsonNode snapshot = channel(channel);
            assertThat(snapshot).as("channel-state knows %s", channel).isNotNull();
            assertThat(snapshot.get("stage").asText()).isEqualTo("live");
            assertThat(snapshot.at("/permission/state").asText()).isEqualTo("granted");
            assertThat(snapshot.at("/apiKey/state").asText()).isEqualTo("provisioned");
        });
    }
}
