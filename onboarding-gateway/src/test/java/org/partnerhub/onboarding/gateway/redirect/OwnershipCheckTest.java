package org.partnerhub.onboarding.gateway.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.PartnerClient;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.gateway.redirect.OwnershipCheck.Answers;
import org.partnerhub.onboarding.gateway.redirect.OwnershipCheck.Reason;
import org.partnerhub.onboarding.gateway.redirect.OwnershipCheck.Refused;
import org.partnerhub.onboarding.gateway.redirect.OwnershipCheck.Verified;

class OwnershipCheckTest {

    private static final Optional<String> FLOW_TENANT = Optional.of("tenant-a");
    private static final Optional<String> NO_STATE = Optional.empty();

    @Test
    void anUnknownClientIsRefused() {
        assertRefused(OwnershipCheck.decide(redirect(List.of("ch1"), List.of()), FLOW_TENANT,
                new Answers(Optional.empty(), List.of(), Map.of())), Reason.UNKNOWN_CLIENT);
    }

    @Test
    void aClientWhosePayloadIsAnotherTenantIsRefused() {
        assertRefused(OwnershipCheck.decide(redirect(List.of("ch1"), List.of()), FLOW_TENANT,
                answers("tenant-b", List.of(channel("ch1", "cl1")), Map.of())), Reason.FOREIGN_CLIENT);
    }

    @Test
    void listedChannelsAreConfirmedAndUnlistedOnesPending() {
        Redirect redirect = redirect(List.of("ch1", "ch2"), List.of("ch3"));

        OwnershipCheck.Outcome outcome = OwnershipCheck.decide(redirect, FLOW_TENANT,
                answers("tenant-a", List.of(channel("ch1", "cl1")),
                        Map.of("ch2", Optional.empty(), "ch3", Optional.of(channel("ch3", "cl1")))));

        assertThat(outcome).isEqualTo(new Verified("tenant-a", Map.of("ch1", Verification.CONFIRMED,
                "ch2", Verification.PENDING, "ch3", Verification.CONFIRMED)));
        assertThat(((Verified) outcome).verification().keySet()).containsExactly("ch1", "ch2", "ch3");
    }

    @Test
    void aChannelListedUnderAnotherClientIsRefusedWhetherGrantedOrRevoked() {
        Answers answers = answers("tenant-a", List.of(channel("ch1", "cl1")),
                Map.of("chX", Optional.of(channel("chX", "clVictim"))));

        assertRefused(OwnershipCheck.decide(redirect(List.of("ch1", "chX"), List.of()), FLOW_TENANT, answers),
                Reason.FOREIGN_CHANNEL);
        assertRefused(OwnershipCheck.decide(redirect(List.of("ch1"), List.of("chX")), FLOW_TENANT, answers),
                Reason.FOREIGN_CHANNEL);
    }

    @Test
    void aClientWithoutPayloadTakesTheFlowsTenant() {
        assertThat(OwnershipCheck.decide(redirect(List.of("ch1"), List.of()), FLOW_TENANT,
                answers(null, List.of(channel("ch1", null)), Map.of())))
                .isEqualTo(new Verified("tenant-a", Map.of("ch1", Verification.CONFIRMED)));
    }

    @Test
    void withoutStateTheTenantIsThePayloadAndEveryChannelMustBeListed() {
        Redirect redirect = redirect(List.of("ch1"), List.of("ch2"));
        List<HubChannel> listed = List.of(channel("ch1", "cl1"), channel("ch2", "cl1"));

        assertThat(OwnershipCheck.decide(redirect, NO_STATE, answers("tenant-z", listed, Map.of())))
                .isEqualTo(new Verified("tenant-z", Map.of("ch1", Verification.CONFIRMED, "ch2",
                        Verification.CONFIRMED)));
        assertRefused(OwnershipCheck.decide(redirect, NO_STATE, answers(null, listed, Map.of())), Reason.NO_TENANT);
        assertRefused(OwnershipCheck.decide(redirect, NO_STATE, answers("tenant-z", List.of(channel("ch1", "cl1")),
                Map.of("ch2", Optional.empty()))), Reason.UNCONFIRMED_CHANNEL);
    }

    @Test
    void onlyIdsMissingFromTheClientsListingAreLookedUp() {
        Redirect redirect = redirect(List.of("ch1", "ch2"), List.of("ch3"));

        assertThat(OwnershipCheck.unlisted(redirect, List.of(channel("ch1", "cl1"), channel("ch3", "clOther"))))
                .containsExactly("ch2", "ch3");
    }

    private static void assertRefused(OwnershipCheck.Outcome outcome, Reason reason) {
        assertThat(outcome).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(reason);
            assertThat(refused.message()).isNotBlank();
        });
    }

    private static Redirect redirect(List<String> channels, List<String> revoked) {
        return new Redirect("cl1", channels, revoked, "s.t");
    }

    private static Answers answers(String payload, List<HubChannel> listed,
            Map<String, Optional<HubChannel>> lookedUp) {
        return new Answers(Optional.of(new PartnerClient("cl1", null, payload, null, null, null)), listed, lookedUp);
    }

    private static HubChannel channel(String id, String clientId) {
        return new HubChannel(id, clientId, "running", null, null, null, null, null, null, null, null, null, null);
    }
}
