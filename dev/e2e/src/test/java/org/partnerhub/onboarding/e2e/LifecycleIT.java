package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnerhub.onboarding.e2e.Newcomers.email;
import static org.partnerhub.onboarding.e2e.Newcomers.number;
import static org.partnerhub.onboarding.e2e.Newcomers.tenant;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A channel's life after {@code live}, as 360dialog's Client Hub and Meta shape it: the client withdraws and grants
 * the partner's permission outside the popup (no webhook, only the Partner API knows), cancels its number, is
 * restricted and lifted again; the redirect of a visit never reaches the gateway. Every Direct Payment key also
 * points the number's messaging webhook at the partner.
 */
class LifecycleIT {

    /** Onboarding through the sandbox's steps, and the permission poller's cadence with room for a slow machine. */
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String HUB = "directpay";

    private static PopupVisit popup;
    private static HubSandbox hub;
    private static Services services;

    @BeforeAll
    static void startTheStack() {
        LocalStack stack = LocalStack.shared();
        popup = new PopupVisit(stack);
        hub = new HubSandbox(stack);
        services = new Services(stack);
    }

    @Test
    void aPermissionWithdrawnInTheClientHubWithdrawsTheKeyAndGrantingItAgainMakesANewOne() {
        String tenant = tenant();
        String channel = popup.signUp(HUB, tenant, email(), List.of(number())).channels().getFirst();
        services.awaitLiveWithKey(channel, SETTLE);
        String firstKey = hub.currentApiKey(channel);
        assertMessagingWebhookSetWithTheCurrentKey(channel, tenant);

        hub.change(channel, "permission/withdraw");
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode snapshot = services.channel(channel);
            assertThat(snapshot.at("/permission/state").asText()).isEqualTo("revoked");
            assertThat(snapshot.at("/permission/source").asText()).isEqualTo("partner-api");
            assertThat(services.apiKey(channel).status()).as("hand-out after the withdrawal").isEqualTo(410);
        });

        hub.change(channel, "permission/grant");
        await().atMost(SETTLE).untilAsserted(() -> {
            Http.Answer key = services.apiKey(channel);
            assertThat(key.status()).as("hand-out after the new grant: %s", key.body()).isEqualTo(200);
            assertThat(key.json().get("apiKey").asText()).isNotEqualTo(firstKey)
                    .isEqualTo(hub.currentApiKey(channel));
        });
        assertThat(hub.apiKeyCreations(channel)).as("one key per permission").isEqualTo(2);
        assertMessagingWebhookSetWithTheCurrentKey(channel, tenant);
    }

    @Test
    void aCancelledNumberEndsCancelledAndItsKeyIsGone() {
        String channel = popup.signUp(HUB, tenant(), email(), List.of(number())).channels().getFirst();
        services.awaitLiveWithKey(channel, SETTLE);

        hub.change(channel, "cancellation/request");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(services.channel(channel).get("stage").asText())
                .isEqualTo("cancellation-requested"));
        assertThat(services.apiKey(channel).status()).as("a requested cancellation keeps the key").isEqualTo(200);

        hub.change(channel, "cancellation/process");
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(services.channel(channel).get("stage").asText()).isEqualTo("cancelled");
            Http.Answer key = services.apiKey(channel);
            assertThat(key.status()).as("hand-out of a cancelled number: %s", key.body()).isEqualTo(410);
            assertThat(key.body()).contains("cancelled");
        });
    }

    @Test
    void aRevokedCancellationAndALiftedRestrictionBringTheChannelBackWithTheSameKey() {
        String channel = popup.signUp(HUB, tenant(), email(), List.of(number())).channels().getFirst();
        services.awaitLiveWithKey(channel, SETTLE);
        String key = hub.currentApiKey(channel);

        hub.change(channel, "restriction/impose");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(services.channel(channel).get("stage").asText())
                .isEqualTo("restricted"));
        hub.change(channel, "restriction/lift");
        services.awaitLiveWithKey(channel, SETTLE);

        hub.change(channel, "cancellation/request");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(services.channel(channel).get("stage").asText())
                .isEqualTo("cancellation-requested"));
        hub.change(channel, "cancellation/revoke");
        services.awaitLiveWithKey(channel, SETTLE);

        Http.Answer handedOut = services.apiKey(channel);
        assertThat(handedOut.status()).as("hand-out: %s", handedOut.body()).isEqualTo(200);
        assertThat(handedOut.json().get("apiKey").asText()).isEqualTo(key).isEqualTo(hub.currentApiKey(channel));
        assertThat(hub.apiKeyCreations(channel)).as("key creations 360dialog saw").isEqualTo(1);
        assertThat(services.history(channel).findValuesAsText("kind")).as("the channel's history")
                .containsSubsequence("channel.restricted", "channel.restored", "channel.cancellation-requested",
                        "channel.restored");
    }

    @Test
    void aPermissionWhoseRedirectNeverArrivedIsHealedFromThePartnerApi() {
        String tenant = tenant();
        String channel = popup.signUpAndClose(HUB, tenant, email(), List.of(number())).values().iterator().next();

        services.awaitLiveWithKey(channel, SETTLE);
        JsonNode snapshot = services.channel(channel);
        assertThat(snapshot.at("/permission/source").asText()).isEqualTo("partner-api");
        assertThat(snapshot.get("tenant").asText()).isEqualTo(tenant);
        assertThat(services.apiKey(channel).json().get("apiKey").asText()).isEqualTo(hub.currentApiKey(channel));
        assertMessagingWebhookSetWithTheCurrentKey(channel, tenant);
    }

    private static void assertMessagingWebhookSetWithTheCurrentKey(String channel, String tenant) {
        String expected = LocalStack.MESSAGING_WEBHOOK_TEMPLATE.replace("{tenant}", tenant)
                .replace("{channelId}", channel);
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode webhook = hub.messagingWebhook(channel);
            assertThat(webhook.path("url").asText()).as("messaging webhook of %s", channel).isEqualTo(expected);
            assertThat(webhook.path("keyId").asText()).isEqualTo(hub.currentApiKeyId(channel));
        });
    }
}
