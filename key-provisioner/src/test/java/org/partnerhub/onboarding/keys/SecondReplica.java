package org.partnerhub.onboarding.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.hubapi.HubApiConfig;
import org.partnerhub.onboarding.hubapi.ReplicaPartnerApi;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.webhook.MessagingWebhookWorker;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.tracing.Tracing;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A second key-provisioner replica's worker in the test's JVM, racing the application's own on the same database: the
 * shared ledger, its own Partner API client and slots, its own faults, polled on its own timer.
 */
@Singleton
class SecondReplica {

    @Inject
    ClaimLedger ledger;

    @Inject
    KeyRevocation revocation;

    @Inject
    HubsConfig hubs;

    @Inject
    HubApiConfig hubApi;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    /** Shared with the first instance: its rows are taken under their own locks and leases, whichever replica runs. */
    @Inject
    MessagingWebhookWorker webhooks;

    ProvisioningWorker worker(ProvisioningFaults faults) {
        ProvisioningWorker worker = new ProvisioningWorker();
        worker.ledger = ledger;
        worker.partnerApi = ReplicaPartnerApi.of(hubs, hubApi, mapper);
        worker.hubApi = hubApi;
        worker.revocation = revocation;
        worker.faults = faults;
        worker.progress = new Progress();
        worker.registry = registry;
        worker.clock = clock;
        worker.vertx = vertx;
        worker.webhooks = webhooks;
        // A tracer of its own, as another process has; its spans go nowhere.
        worker.tracing = new Tracing("key-provisioner", 1.0, List.of());
        return worker;
    }

    /** Polls the worker for due claims every {@code every}, as a replica's scheduler does, until closed. */
    AutoCloseable polling(ProvisioningWorker worker, Duration every) {
        long timer = vertx.setPeriodic(every.toMillis(), id -> onNewContext(
                () -> worker.runDue().subscribe().with(done -> { })));
        return () -> vertx.cancelTimer(timer);
    }

    private void onNewContext(Runnable task) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> task.run());
    }
}
