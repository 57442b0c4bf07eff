package org.partnerhub.onboarding.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.keys.store.ClaimLedger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The safety net behind {@code channel.events}: claims channels that are running and permitted without a claim
 * (counted in {@code keys.sweep.claimed}), and finishes deletions at 360dialog that a crash interrupted.
 */
@ApplicationScoped
public class ClaimSweep {

    private static final Logger LOG = Logger.getLogger(ClaimSweep.class);

    @Inject
    ClaimLedger ledger;

    @Inject
    ProvisioningWorker worker;

    @Inject
    KeyRevocation revocation;

    @Inject
    MeterRegistry registry;

    @Scheduled(every = "${onboarding.keys.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sweep() {
        return ledger.claimMissing()
                .chain(claimed -> {
                    if (claimed == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    registry.counter("keys.sweep.claimed").increment(claimed);
                    return worker.runDue();
                })
                .chain(() -> ledger.pendingDeletions())
                .chain(revocation::delete)
                .onFailure().invoke(failure -> LOG.warnf("The claim sweep failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}
