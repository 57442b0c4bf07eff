package org.partnerhub.onboarding.state.reconcile;

import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.hubapi.HubApiConfig;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.hubapi.PermanentHubApiException;
import org.partnerhub.onboarding.hubapi.SharedNumber;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

/**
 * The reconciler's view of 360dialog per hub: {@code GET /partners/{partner_id}/channels/{channel_id}} and
 * {@code GET /partners/{partner_id}/clients/{client_id}/shared_client_numbers}.
 */
@Singleton
public class PartnerApiChannelSource implements ObservedChannelSource {

    private static final Logger LOG = Logger.getLogger(PartnerApiChannelSource.class);

    @Inject
    PartnerApi partnerApi;

    @Inject
    HubsConfig hubs;

    @Inject
    HubApiConfig hubApi;

    /** Configuration does not change while the service runs: worked out, and logged, once. */
    private volatile Set<String> answeringHubs;

    @Override
    public Set<String> answeringHubs() {
        Set<String> answering = answeringHubs;
        if (answering == null) {
            answering = credentialedHubs();
            answeringHubs = answering;
        }
        return answering;
    }

    private Set<String> credentialedHubs() {
        Set<String> answering = new TreeSet<>();
        for (String hubId : hubs.hubs().keySet()) {
            try {
                partnerApi.hub(hubId);
                answering.add(hubId);
            } catch (IllegalArgumentException noCredentials) {
                // The message names the missing keys, never a value.
                LOG.infof("Channels of hub %s are not reconciled: %s", hubId, noCredentials.getMessage());
            }
        }
        return Collections.unmodifiableSet(answering);
    }

    @Override
    public Optional<HubChannel> channel(String hubId, String channelId) {
        // Read by the model a webhook's data is read by, so a reconciled fact cannot differ from the missed webhook's.
        return unlessUnknown(() -> partnerApi.hub(hubId).channel(channelId).await().atMost(bound()));
    }

    @Override
    public Optional<Set<String>> sharedChannels(String hubId, String clientId) {
        return unlessUnknown(() -> partnerApi.hub(hubId).sharedNumbers(clientId).await().atMost(bound()).stream()
                .map(SharedNumber::channelId).collect(Collectors.toUnmodifiableSet()));
    }

    /** Empty when 360dialog answers 404: it does not know the channel or client. */
    private static <T> Optional<T> unlessUnknown(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (PermanentHubApiException e) {
            if (e.status().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Each attempt is bounded by the client's timeout, but a call may wait for one of the hub's slots and be sent
     * twice (a login renewed after a 401): this caps the whole of it, so one channel cannot hold a run up.
     */
    private Duration bound() {
        return hubApi.timeout().multipliedBy(3);
    }
}
