package org.partnerhub.onboarding.keys.hubsetup;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.hubapi.HubClient;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.hubapi.PartnerSettings;
import org.partnerhub.onboarding.hubapi.TransientHubApiException;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * With {@code onboarding.hub-setup.enabled=true}, makes each hub's partner webhook URL and redirect URL at 360dialog
 * equal the configured ones at start-up: read, compare, set only what differs, log what changed. It runs in the
 * background and retries transient failures a few times; a failure is logged and shown by {@link HubSetupHealthCheck}, and the service keeps running.
 */
@ApplicationScoped
public class HubSetup {

    private static final Logger LOG = Logger.getLogger(HubSetup.class);
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);
    private static final int RETRIES = 5;

    /** Per hub, once setup finished: empty when in line, else why it failed. */
    private final Map<String, Optional<String>> outcomes = new ConcurrentHashMap<>();

    @ConfigProperty(name = "onboarding.hub-setup.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    HubsConfig hubs;

    @Inject
    PartnerApi partnerApi;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        hubs.hubs().forEach((hubId, hub) -> {
            align(hubId, hub).subscribe().with(done -> outcomes.put(hubId, Optional.empty()), failure -> {
                LOG.errorf("Hub setup of %s failed: %s", hubId, failure.getMessage());
                outcomes.put(hubId, Optional.of(failure.getMessage()));
            });
        });
    }

    Map<String, Optional<String>> outcomes() {
        return Map.copyOf(outcomes);
    }

    private Uni<Void> align(String hubId, HubsConfig.Hub hub) {
        HubClient client;
        try {
            client = partnerApi.hub(hubId);
        } catch (IllegalArgumentException noCredentials) {
            return Uni.createFrom().failure(noCredentials);
        }
        return client.settings().chain(current -> setWebhook(client, current, hub.webhookUrl())
                .chain(() -> setRedirect(client, current, hub.redirectUrl())))
                // 360dialog or the network may be briefly unavailable while we start; that should not need a restart.
                .onFailure(TransientHubApiException.class).retry().withBackOff(RETRY_FIRST, RETRY_MAX)
                .atMost(RETRIES);
    }

    private static Uni<Void> setWebhook(HubClient client, PartnerSettings current, Optional<String> wanted) {
        if (wanted.isEmpty() || wanted.equals(current.webhookUrl())) {
            return Uni.createFrom().voidItem();
        }
        return client.setWebhookUrl(wanted.get()).invoke(() -> LOG.infof("Hub %s: webhook URL changed from %s to %s",
                client.hubId(), current.webhookUrl().orElse("(none)"), wanted.get()));
    }

    private static Uni<Void> setRedirect(HubClient client, PartnerSettings current, Optional<String> wanted) {
        if (wanted.isEmpty() || wanted.equals(current.redirectUrl())) {
            return Uni.createFrom().voidItem();
        }
        return client.setRedirectUrl(wanted.get()).invoke(() -> LOG.infof("Hub %s: redirect URL changed from %s to %s",
                client.hubId(), current.redirectUrl().orElse("(none)"), wanted.get()));
    }
}
