package org.partnerhub.onboarding.keys;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.hubapi.HubClient;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.messaging.Decoding;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.store.Outbox;
import org.partnerhub.onboarding.outbox.OutboxRecord;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Does at start-up what the first channel would otherwise pay for (seconds on a cold JVM): decoding records, sealing a
 * key, writing its event, building each hub's Partner API client, the database statements of a key's transactions
 * and, without hub setup (which calls the Partner API itself at start-up), one read of each hub's settings to open its
 * connection. All of it runs beside start-up on a thread of its own, so that neither start-up nor readiness waits for
 * it; a record arriving meanwhile is handled as before, only slower. Nothing is changed anywhere.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);

    @Inject
    KeyCipher cipher;

    @Inject
    PartnerApi partnerApi;

    @Inject
    HubsConfig hubs;

    @Inject
    ClaimLedger ledger;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "onboarding.hub-setup.enabled", defaultValue = "false")
    boolean hubSetup;

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().daemon().name("key-provisioner-warm-up").start(() -> {
            try {
                warmUp();
            } catch (RuntimeException failure) {
                LOG.warnf("Warming up failed (the first channel pays for it): %s", failure.toString());
            }
        });
    }

    private void warmUp() {
        long started = System.nanoTime();
        Decoding.warmUp();
        cipher.decrypt(cipher.encrypt("warm-up", "warm-up"), "warm-up");
        OutboxRecord.of(new ApiKeyProvisioned("warm-up", "warm-up", "warm-up", "warm-up", "https://warm.up", "warm-up",
                "warm-up", Instant.now()), Outbox.SOURCE);
        for (Map.Entry<String, HubsConfig.Hub> hub : hubs.hubs().entrySet()) {
            try {
                HubClient client = partnerApi.hub(hub.getKey());
                if (!hubSetup) {
                    client.settings().subscribe().with(settings -> { }, failure -> LOG.debugf(
                            "Warm-up read of hub %s's settings failed: %s", hub.getKey(), failure.toString()));
                }
            } catch (IllegalArgumentException noCredentials) {
                LOG.debugf("No Partner API client to warm up for hub %s: %s", hub.getKey(),
                        noCredentials.getMessage());
            }
        }
        LOG.infof("Warmed up codecs, cipher and Partner API clients in %d ms",
                (System.nanoTime() - started) / 1_000_000);
        OnContext.fresh(vertx).runOnContext(ignored -> ledger.warmUp().subscribe().with(
                done -> LOG.infof("Warmed up the database statements %d ms after the warm-up began",
                        (System.nanoTime() - started) / 1_000_000),
                failure -> LOG.warnf("Warming up the database failed (the first channel pays for it): %s",
                        failure.toString())));
    }
}
