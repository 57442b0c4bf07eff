package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The 360dialog sandbox's admin endpoint: fault knobs, and what 360dialog saw. */
final class HubSandbox {

    private final LocalStack stack;

    HubSandbox(LocalStack stack) {
        this.stack = stack;
    }

    void faults(Map<String, Object> knobs) {
        Http.Answer answer = Http.patchJson(stack.sandbox.resolve("/sandbox/faults"), knobs);
        assertThat(answer.status()).as("faults: %s", answer.body()).isEqualTo(200);
    }

    void resetFaults() {
        assertThat(Http.delete(stack.sandbox.resolve("/sandbox/faults")).status()).isEqualTo(200);
    }

    /** {@code apiKeyCreations} (per channel), {@code webhooks} (per outcome), {@code partnerApi} (refusals). */
    JsonNode counters() {
        return Http.get(stack.sandbox.resolve("/sandbox/counters")).json();
    }

    int apiKeyCreations(String channelId) {
        return counters().path("apiKeyCreations").path(channelId).asInt(0);
    }

    /** The key 360dialog holds for the channel now; the sandbox rotates earlier ones away. */
    String currentApiKey(String channelId) {
        JsonNode keys = Http.get(stack.sandbox.resolve("/sandbox/keys")).json().path(channelId);
        assertThat(keys.size()).as("keys 360dialog holds for %s", channelId).isEqualTo(1);
        return keys.get(0).get("api_key").asText();
    }

    /**
     * What the client or Meta does to a live channel at 360dialog: {@code permission/withdraw},
     * {@code permission/grant}, {@code cancellation/request}, {@code cancellation/process},
     * {@code restriction/impose}, {@code restriction/lift}, ...
     */
    void change(String channelId, String change) {
        Http.Answer answer = Http.postJson(stack.sandbox.resolve("/sandbox/channels/" + channelId + "/" + change),
                Map.of());
        assertThat(answer.status()).as("%s of %s: %s", change, channelId, answer.body()).isEqualTo(200);
    }

    /** The id of the key 360dialog holds for the channel now. */
    String currentApiKeyId(String channelId) {
        JsonNode keys = Http.get(stack.sandbox.resolve("/sandbox/keys")).json().path(channelId);
        assertThat(keys.size()).as("keys 360dialog holds for %s", channelId).isEqualTo(1);
        return keys.get(0).get("id").asText();
    }

    /** What the number's messaging webhook was last set to ({@code url}, {@code keyId}, {@code sets}), or missing. */
    JsonNode messagingWebhook(String channelId) {
        return Http.get(stack.sandbox.resolve("/sandbox/messaging-webhooks")).json().path(channelId);
    }
}
