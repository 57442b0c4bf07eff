package org.partnerhub.onboarding.keys;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;
import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.HubClient;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.KeyAdoption;
import org.partnerhub.onboarding.keys.domain.Lease;
import org.partnerhub.onboarding.keys.store.ClaimLedger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Works through due claims: the schedule lives in the claims' {@code next_attempt_at}, so it survives restarts, and
 * each attempt runs on its own, so a slow channel does not hold up the others.
 */
@ApplicationScoped
public class ProvisioningWorker {

    private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);
    private static final int BATCH = 20;

    @Inject
    ClaimLedger ledger;

    @Inject
    PartnerApi partnerApi;

    @Inject
    ProvisioningFaults faults;

    @Inject
    Vertx vertx;

    @Scheduled(every = "${onboarding.keys.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> runDue() {
        return ledger.leaseDue(BATCH)
                .invoke(leases -> leases.forEach(this::start))
                .onFailure().invoke(failure -> LOG.warnf("Looking for due claims failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void start(Lease lease) {
        // A context of its own per attempt: its database sessions must not mix with the poller's.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> attempt(lease)
                .subscribe().with(done -> { }, failure -> LOG.warnf(
                        "Attempt %d for channel %s stopped without an outcome; its claim is resumed when the lease "
                                + "ends: %s", lease.attempt(), lease.channelId(), failure.toString())));
    }

    private Uni<Void> attempt(Lease lease) {
        HubClient hub;
        try {
            hub = partnerApi.hub(lease.hubId());
        } catch (IllegalArgumentException unknownHub) {
            return ledger.recordFailure(lease, AttemptFailure.permanent(unknownHub.getMessage()));
        }
        return ownKeyAtHub(hub, lease)
                .chain(adopted -> adopted.isPresent()
                        ? Uni.createFrom().item(adopted.get())
                        : hub.createApiKey(lease.channelId()).invoke(() -> faults.afterKeyCreated(lease)))
                .chain(key -> ledger.recordKey(lease, key))
                .onFailure(HubApiException.class)
                .recoverWithUni(failure -> ledger.recordFailure(lease, AttemptFailure.of((HubApiException) failure)));
    }

    private Uni<Optional<ChannelApiKey>> ownKeyAtHub(HubClient hub, Lease lease) {
        if (!lease.mayFollowAnUnknownOutcome()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return hub.apiKeys(lease.channelId()).map(keys -> KeyAdoption.pick(keys, lease.claimedAt()))
                .invoke(adopted -> adopted.ifPresent(key -> LOG.infof(
                        "Adopted key %s of channel %s, created by an earlier attempt of the same claim", key.id(),
                        lease.channelId())));
    }
}
