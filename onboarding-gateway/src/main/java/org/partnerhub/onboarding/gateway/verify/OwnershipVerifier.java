package org.partnerhub.onboarding.gateway.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.PartnerClient;
import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.gateway.redirect.OwnershipCheck;
import org.partnerhub.onboarding.gateway.redirect.Redirect;
import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.HubClient;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.hubapi.PermanentHubApiException;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * Asks the hub's Partner API what {@link OwnershipCheck} needs: the client, the channels 360dialog lists under it,
 * and each of the redirect's other channel ids by itself. The whole exchange is bounded by
 * {@code onboarding.gateway.verify-timeout}, each call by {@code onboarding.hub-api.timeout}.
 */
@ApplicationScoped
public class OwnershipVerifier {

    /** Pages of a client's channels read at most; ids beyond them are still looked up one by one. */
    private static final int MAX_CHANNEL_PAGES = 5;

    @Inject
    PartnerApi partnerApi;

    @Inject
    GatewayConfig config;

    /**
     * @param flowTenant the tenant of the signed state; empty for a redirect without state
     * @throws PartnerApiUnavailableException when the Partner API fails, times out or cannot be asked
     */
    public OwnershipCheck.Outcome verify(String hubId, Redirect redirect, Optional<String> flowTenant)
            throws PartnerApiUnavailableException {
        HubClient hub = partnerApi.hub(hubId);
        try {
            OwnershipCheck.Answers answers = hub.client(redirect.clientId())
                    .chain(client -> client.isEmpty()
                            ? Uni.createFrom().item(new OwnershipCheck.Answers(client, List.of(), Map.of()))
                            : channelsOf(hub, redirect, client))
                    .await().atMost(config.verifyTimeout());
            return OwnershipCheck.decide(redirect, flowTenant, answers);
        } catch (HubApiException e) {
            throw new PartnerApiUnavailableException(e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new PartnerApiUnavailableException("no answer within " + config.verifyTimeout(), e);
        }
    }

    private static Uni<OwnershipCheck.Answers> channelsOf(HubClient hub, Redirect redirect,
            Optional<PartnerClient> client) {
        return hub.channelsOfClient(redirect.clientId(), MAX_CHANNEL_PAGES)
                .chain(listed -> lookUp(hub, OwnershipCheck.unlisted(redirect, listed))
                        .map(found -> new OwnershipCheck.Answers(client, listed, found)));
    }

    private static Uni<Map<String, Optional<HubChannel>>> lookUp(HubClient hub, Set<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Map.Entry<String, Optional<HubChannel>>>> lookups = ids.stream()
                .map(id -> hub.channel(id).map(Optional::of)
                        .onFailure(OwnershipVerifier::notFound).recoverWithItem(Optional.empty())
                        .map(found -> Map.entry(id, found)))
                .toList();
        return Uni.join().all(lookups).andFailFast()
                .map(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** 360dialog lists the channel nowhere (yet): a fact about the channel, not a failure of the call. */
    private static boolean notFound(Throwable failure) {
        return failure instanceof PermanentHubApiException permanent
                && permanent.status().orElse(0) == 404;
    }
}
