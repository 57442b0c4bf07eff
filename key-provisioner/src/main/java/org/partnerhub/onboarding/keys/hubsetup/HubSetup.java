package org.partnerhub.onboarding.keys.hubsetup;

import java.time.Duration;
import java.util.List;
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
import org.partnerhub.onboarding.hubapi.WebhookHeader;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * With {@code onboarding.hub-setup.enabled=true}, makes each hub's partner webhook URL (with its static header, if
 * configured) and redirect URL at 360dialog equal the configured ones at start-up: read, compare, set only what
 * differs, log what changed. It runs in the background and retries transient failures a few times; a failure is
 * logged and shown by {@link HubSetupHealthCheck}, and the service keeps running.
 */
@ApplicationScoped
public class HubSetup {

    private static final Logger LOG = Logger.getLogger(HubSetup.class);
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);
    private static final int RETRIES = 5;
    /** Longer than another replica's whole setup of a hub with its retries; past it this replica reports failure. */
    private static final String LOCK_WAIT = "5min";
    private static final String LOCK_HUB = "select pg_advisory_xact_lock(hashtext('hub-setup'), hashtext($1))";

    private final Map<String, SetupOutcome> outcomes = new ConcurrentHashMap<>();

    @ConfigProperty(name = "onboarding.hub-setup.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    HubsConfig hubs;

    @Inject
    PartnerApi partnerApi;

    @Inject
    Pool database;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            alignAll().subscribe().with(done -> { }, failure -> LOG.error("Hub setup stopped", failure));
        }
    }

    /** Aligns every configured hub; completes when all have an outcome, and never fails itself. */
    Uni<Void> alignAll() {
        List<Uni<Void>> runs = hubs.hubs().entrySet().stream().map(hub -> alignAlone(hub.getKey(), hub.getValue())
                .invoke(() -> outcomes.put(hub.getKey(), new SetupOutcome.Aligned()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("Hub setup of %s failed: %s", hub.getKey(), failure.getMessage());
                    outcomes.put(hub.getKey(), new SetupOutcome.Failed(failure.getMessage()));
                    return null;
                })).toList();
        return runs.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(runs).andCollectFailures()
                .replaceWithVoid();
    }

    Map<String, SetupOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    /**
     * Safe across replicas: the read-compare-set runs inside a PostgreSQL transaction holding a transaction-scoped
     * advisory lock for the hub, so a second replica waits (bounded by {@code lock_timeout}) until the first
     * committed, then reads what the first set and finds nothing to change. The lock goes with the transaction, so a
     * replica that dies mid-setup frees it with its connection.
     */
    private Uni<Void> alignAlone(String hubId, HubsConfig.Hub hub) {
        outcomes.put(hubId, new SetupOutcome.InProgress());
        return database.withTransaction(connection -> connection.query("set local lock_timeout = '" + LOCK_WAIT + "'")
                .execute()
                .chain(() -> connection.preparedQuery(LOCK_HUB).execute(Tuple.of(hubId)))
                .chain(() -> align(hubId, hub)));
    }

    private Uni<Void> align(String hubId, HubsConfig.Hub hub) {
        HubClient client;
        try {
            client = partnerApi.hub(hubId);
        } catch (IllegalArgumentException noCredentials) {
            return Uni.createFrom().failure(noCredentials);
        }
        return client.settings().chain(current -> setWebhook(client, current, hub.webhookUrl(), header(hub))
                .chain(() -> setRedirect(client, current, hub.redirectUrl())))
                // 360dialog or the network may be briefly unavailable while we start; that should not need a restart.
                .onFailure(TransientHubApiException.class).retry().withBackOff(RETRY_FIRST, RETRY_MAX)
                .atMost(RETRIES);
    }

    /** The header webhook-ingest demands of this hub's webhooks; registered with the URL so they are not refused. */
    private static Optional<WebhookHeader> header(HubsConfig.Hub hub) {
        return hub.webhookHeaderName().flatMap(name -> hub.webhookHeaderValue()
                .map(value -> new WebhookHeader(name, value)));
    }

    /**
     * 360dialog is not known to show a configured header back, so with a static header the URL is set together with
     * it every time (the call is idempotent); without one, only when the URL differs. The header's value is never
     * logged.
     */
    private static Uni<Void> setWebhook(HubClient client, PartnerSettings current, Optional<String> wanted,
            Optional<WebhookHeader> header) {
        if (wanted.isEmpty() || wanted.equals(current.webhookUrl()) && header.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.setWebhookUrl(wanted.get(), header).invoke(() -> LOG.infof(
                "Hub %s: webhook URL set from %s to %s%s", client.hubId(), current.webhookUrl().orElse("(none)"),
                wanted.get(), header.map(h -> " with header " + h.name()).orElse("")));
    }

    private static Uni<Void> setRedirect(HubClient client, PartnerSettings current, Optional<String> wanted) {
        if (wanted.isEmpty() || wanted.equals(current.redirectUrl())) {
            return Uni.createFrom().voidItem();
        }
        return client.setRedirectUrl(wanted.get()).invoke(() -> LOG.infof("Hub %s: redirect URL changed from %s to %s",
                client.hubId(), current.redirectUrl().orElse("(none)"), wanted.get()));
    }
}
