package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerhub.onboarding.e2e.Newcomers.email;
import static org.partnerhub.onboarding.e2e.Newcomers.number;
import static org.partnerhub.onboarding.e2e.Newcomers.tenant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.e2e.PopupVisit.Connected;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docs/subscribing.md's example, dev/examples/channel-subscriber, as {@code ./run-local} starts it with
 * {@code EXAMPLES=1}: a newly onboarded channel goes live, the example fetches its key from key-provisioner with the
 * "keys" credential, says what a partner service would do, and never writes the key anywhere.
 */
class SubscriberExampleIT {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final LocalStack stack = LocalStack.shared();

    @Test
    void theExampleFetchesTheKeyOfAChannelThatWentLiveAndNeverLogsIt() throws Exception {
        String tenant = tenant();
        String number = number();

        Connected connected = new PopupVisit(stack).signUp("partnerpay", tenant, email(), List.of(number));
        String channel = connected.channelOf(number);

        await().atMost(SETTLE).untilAsserted(() -> {
            Http.Answer seen = Http.get(stack.example.resolve("/channels/" + channel));
            assertThat(seen.status()).as("the example's view of %s: %s", channel, seen.body()).isEqualTo(200);
            JsonNode view = seen.json();
            assertThat(view.get("status").asText()).isEqualTo("USING_KEY");
            assertThat(view.path("keyId").asText("")).as("key id announced on channel.api-keys").isNotBlank();
        });
        JsonNode view = Http.get(stack.example.resolve("/channels/" + channel)).json();
        assertThat(view.get("stage").asText()).isEqualTo("live");
        assertThat(view.get("tenant").asText()).isEqualTo(tenant);
        assertThat(view.get("fetches").asInt()).as("key fetches for one channel, one key").isEqualTo(1);
        Set<String> provisioned = new Topics(stack).eventIds("channel.api-keys", "onboarding.api-key.provisioned.v1")
                .get(channel);
        assertThat(provisioned).as("api-key.provisioned of %s", channel).hasSize(1);

        Path log = stack.output.resolve("logs/channel-subscriber.log");
        assertThat(Files.readString(log)).contains("Channel " + channel + " (hub partnerpay, tenant " + tenant
                + ") is live with its key");
        String key = new Services(stack).apiKey(channel).json().get("apiKey").asText();
        assertThat(key).isNotBlank();
        assertThat(Files.readString(log)).as("the example's log").doesNotContain(key);
        assertThat(Http.get(stack.example.resolve("/channels")).body()).as("the example's status").doesNotContain(key);
    }
}
