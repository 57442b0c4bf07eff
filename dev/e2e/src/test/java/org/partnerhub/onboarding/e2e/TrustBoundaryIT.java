package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.e2e.Newcomers.email;
import static org.partnerhub.onboarding.e2e.Newcomers.number;
import static org.partnerhub.onboarding.e2e.Newcomers.tenant;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.e2e.PopupVisit.Connected;
import org.partnerhub.onboarding.e2e.PopupVisit.StartedFlow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The redirect's ids are user input: a tenant with a genuine flow of its own (signed state, nonce cookie) loads the
 * gateway's redirect with another tenant's client and channel, as any browser can. Nothing of the victim changes.
 */
class TrustBoundaryIT {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    private static PopupVisit popup;
    private static HubSandbox hub;
    private static Services services;
    private static Topics topics;

    @BeforeAll
    static void startTheStack() {
        LocalStack stack = LocalStack.shared();
        popup = new PopupVisit(stack);
        hub = new HubSandbox(stack);
        services = new Services(stack);
        topics = new Topics(stack);
    }

    @Test
    void aSecondTenantsForgedRedirectsChangeNothingOfTheFirstTenantsChannel() {
        String victimTenant = tenant();
        String forgerTenant = tenant();
        Connected victim = popup.signUp("directpay", victimTenant, email(), List.of(number()));
        String victimChannel = victim.channels().getFirst();
        services.awaitLiveWithKey(victimChannel, SETTLE);
        String victimKey = hub.currentApiKey(victimChannel);
        Connected forger = popup.signUp("directpay", forgerTenant, email(), List.of(number()));
        services.awaitLiveWithKey(forger.channels().getFirst(), SETTLE);

        StartedFlow forgersFlow = popup.startFlow("directpay", forgerTenant);
        Http.Answer revokeTheVictims = popup.redirect(forgersFlow, victim.client(), List.of(), List.of(victimChannel));
        Http.Answer claimUnderOwnClient = popup.redirect(forgersFlow, forger.client(), List.of(victimChannel),
                List.of());
        Http.Answer claimTheVictimsClient = popup.redirect(forgersFlow, victim.client(), List.of(victimChannel),
                List.of());

        assertThat(revokeTheVictims.status()).as("revoking another tenant's channel: %s", revokeTheVictims.body())
                .isEqualTo(400);
        assertThat(claimUnderOwnClient.status()).as("claiming another client's channel: %s",
                claimUnderOwnClient.body()).isEqualTo(400);
        assertThat(claimTheVictimsClient.status()).as("claiming another tenant's client: %s",
                claimTheVictimsClient.body()).isEqualTo(400);

        assertThat(topics.eventIds("onboarding.permissions", "onboarding.permission.revoked.v1"))
                .as("no revocation of the victim's channel was published").doesNotContainKey(victimChannel);
        assertThat(topics.eventIds("onboarding.permissions", "onboarding.permission.granted.v1").get(victimChannel))
                .as("only the victim's own grant was published").hasSize(1);
        JsonNode snapshot = services.channel(victimChannel);
        assertThat(snapshot.get("tenant").asText()).isEqualTo(victimTenant);
        assertThat(snapshot.get("clientId").asText()).isEqualTo(victim.client());
        assertThat(snapshot.at("/permission/state").asText()).isEqualTo("granted");
        Http.Answer key = services.apiKey(victimChannel);
        assertThat(key.status()).as("the victim's key: %s", key.body()).isEqualTo(200);
        assertThat(key.json().get("apiKey").asText()).isEqualTo(victimKey).isEqualTo(hub.currentApiKey(victimChannel));
        assertThat(hub.apiKeyCreations(victimChannel)).as("key creations 360dialog saw for the victim").isEqualTo(1);
    }
}
