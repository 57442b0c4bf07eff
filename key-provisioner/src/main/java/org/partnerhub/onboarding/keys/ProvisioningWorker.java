package org.partnerhub.onboarding.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.hubapi.CallRefused;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;
import org.partnerhub.onboarding.hubapi.HubApiConfig;
import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.HubClient;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Admission;
import org.partnerhub.onboarding.keys.domain.KeyAdoption;
import org.partnerhub.onboarding.keys.domain.Lease;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.webhook.MessagingWebhookTemplates;
import org.partnerhub.onboarding.keys.webhook.MessagingWebhookWorker;
import org.partnerhub.onboarding.runtime.tracing.TracedSpan;
import org.partnerhub.onboarding.runtime.tracing.Tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Works through due claims: the schedule lives in the claims' {@code next_attempt_at}, so it survives restarts, and
 * each attempt runs on its own, so a slow channel does not hold up the others. No more of a replica's leased claims
 * are before or in their Partner API call than it has slots, so a leased claim does not spend its lease queueing
 * behind others; a claim whose call ended records its outcome while the next one calls.
 *
 * <p>Across replicas each step is safe by the claim row: leasing takes rows {@code FOR UPDATE SKIP LOCKED} and
 * gives each a new attempt number (two replicas never lease one claim); the fence before the POST and the recording
 * of the outcome lock the row and act only for the attempt that still holds it with a live lease
 * ({@link ClaimLedger#admit}, {@link ClaimLedger#recordKey}); the event goes to the outbox in the recording's
 * transaction. The in-process counts below only pace this replica; they guard nothing.
 */
@ApplicationScoped
public class ProvisioningWorker {

    private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);
    static final String CLAIMS = "claims";

    @Inject
    ClaimLedger ledger;

    @Inject
    PartnerApi partnerApi;

    @Inject
    HubApiConfig hubApi;

    @Inject
    KeyRevocation revocation;

    @Inject
    ProvisioningFaults faults;

    @Inject
    Progress progress;

    @Inject
    MessagingWebhookWorker webhooks;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    @Inject
    Tracing tracing;

    @Inject
    MessagingWebhookTemplates webhookTemplates;

    /** Leased claims whose Partner API calls have not ended yet: at most one hub's concurrency. */
    private int calling;
    /** Leased claims not yet recorded, calling or recording their outcome: at most {@link #DEPTH} times as many. */
    private int working;
    /** Whether a lease transaction is under way, and whether it is to run again once it ends. */
    private boolean leasing;
    private boolean leaseAgain;

    /**
     * Recording an outcome is a transaction of its own after the call; while claims record, as many more may call.
     * Twice the concurrency keeps the Partner API busy while answers are stored, yet bounds the claims whose lease
     * runs while they wait for the database.
     */
    static final int DEPTH = 2;

    /**
     * The poll, a fallback: claims are leased when they are taken ({@link #wake()}) and when an attempt's call ends.
     * One lease transaction runs at a time in a replica; a wake during it runs one more after it, so wakes in a burst
     * share a transaction, and leases taken together are written in one.
     */
    @Scheduled(every = "${onboarding.keys.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> runDue() {
        synchronized (this) {
            if (leasing) {
                leaseAgain = true;
                return Uni.createFrom().voidItem();
            }
            leasing = true;
        }
        return leaseOnce().onTermination().invoke(() -> {
            boolean again;
            synchronized (this) {
                again = leaseAgain;
                leaseAgain = false;
                leasing = false;
            }
            if (again) {
                wake();
            }
        });
    }

    /** Leases due claims soon, on a context of its own, without waiting for it: the caller's record goes on. */
    public void wake() {
        newContext().runOnContext(ignored -> runDue().subscribe().with(done -> { }));
    }

    private Uni<Void> leaseOnce() {
        int reserved = reserve();
        return ledger.leaseDue(reserved)
                .invoke(leases -> {
                    unreserve(reserved - leases.size(), reserved - leases.size());
                    leases.forEach(this::start);
                    progress.progressed(CLAIMS);
                })
                .onFailure().invoke(failure -> {
                    unreserve(reserved, reserved);
                    progress.stalled(CLAIMS, failure);
                    LOG.warnf("Looking for due claims failed: %s", failure.toString());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Slots free for new attempts: no more claims call than the replica has Partner API slots, so a leased claim does
     * not spend its lease queueing for one. The cap is per replica and equals one hub's concurrency: with several
     * hubs it is conservative, never over the Partner API's limit.
     */
    private synchronized int reserve() {
        int max = hubApi.maxConcurrency();
        int free = Math.max(0, Math.min(max - calling, DEPTH * max - working));
        calling += free;
        working += free;
        return free;
    }

    private synchronized void unreserve(int calls, int works) {
        calling -= calls;
        working -= works;
    }

    private void start(Lease lease) {
        // A context of its own per attempt: its database sessions must not mix with the poller's.
        Context context = newContext();
        AtomicBoolean callEnded = new AtomicBoolean();
        // The freed Partner API slot goes to the next due claim now rather than at the next poll, while this attempt
        // records its outcome.
        Runnable endCall = () -> {
            if (callEnded.compareAndSet(false, true)) {
                unreserve(1, 0);
                wake();
            }
        };
        context.runOnContext(ignored -> traced(lease, endCall)
                .onTermination().invoke(() -> {
                    endCall.run();
                    unreserve(0, 1);
                    wake();
                    // A key just stored sets its messaging webhook now, where its hub has a template.
                    if (webhookTemplates.of(lease.hubId()).isPresent()) {
                        newContext().runOnContext(next -> webhooks.runDue().subscribe().with(done -> { }));
                    }
                })
                .subscribe().with(done -> { }, failure -> LOG.warnf(
                        "Attempt %d for channel %s stopped without an outcome; its claim is resumed when the lease "
                                + "ends: %s", lease.attempt(), lease.channelId(), failure.toString())));
    }

    private Context newContext() {
        return OnContext.fresh(vertx);
    }

    /**
     * The attempt as a span continuing the trace of what took the claim (kept in the claim's row, so any replica's
     * attempt continues it); what the attempt records is published in its context, and its log lines carry it.
     */
    private Uni<Void> traced(Lease lease, Runnable endCall) {
        TracedSpan span = tracing.start("provision api key", SpanKind.INTERNAL, lease.trace())
                .attribute("onboarding.channel", lease.channelId()).attribute("onboarding.hub", lease.hubId())
                .attribute("onboarding.attempt", Integer.toString(lease.attempt()));
        TracedSpan.Activation logs = span.activate();
        return attempt(lease.tracedBy(span.traceParent()), span, endCall).onTermination().invoke((done, failure, cancelled) -> {
            logs.close();
            span.end(failure);
        });
    }

    /** A call to 360dialog within the attempt, as a client span of its own. */
    private <T> Uni<T> call(TracedSpan attempt, String name, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            TracedSpan span = tracing.child(attempt, name, SpanKind.CLIENT);
            return call.get().onTermination().invoke((done, failure, cancelled) -> span.end(failure));
        });
    }

    private Uni<Void> attempt(Lease lease, TracedSpan span, Runnable endCall) {
        Executor onContext = OnContext.current();
        HubClient hub;
        try {
            hub = partnerApi.hub(lease.hubId());
        } catch (IllegalArgumentException unknownHub) {
            return ledger.recordFailure(lease, new AttemptFailure.Permanent(unknownHub.getMessage()), false);
        }
        AtomicBoolean sent = new AtomicBoolean();
        return ownKeyAtHub(hub, lease, span).emitOn(onContext)
                .chain(adopted -> adopted.isPresent()
                        ? Uni.createFrom().item(adopted.get())
                        : call(span, "360dialog create api key", () -> create(hub, lease, sent, onContext))
                                .emitOn(onContext)
                                .invoke(() -> faults.afterKeyCreated(lease)))
                .onTermination().invoke(endCall)
                .chain(key -> ledger.recordKey(lease, key))
                .chain(toDelete -> revocation.delete(toDelete.stream().toList()))
                .onFailure(CallRefused.class).recoverWithNull()
                .onFailure(HubApiException.class).recoverWithUni(failure -> {
                    HubApiException hubFailure = (HubApiException) failure;
                    return ledger.recordFailure(lease, AttemptFailure.of(hubFailure, sent.get()),
                            sent.get() && hubFailure.status().isPresent());
                });
    }

    /**
     * The creation, fenced: once the call holds a slot (and after any re-login) the ledger checks that this attempt
     * still holds the claim with a live lease and renews the lease for the call; only then is the POST sent.
     */
    private Uni<ChannelApiKey> create(HubClient hub, Lease lease, AtomicBoolean sent, Executor onContext) {
        Duration maxWait = Duration.between(clock.instant(), lease.leaseUntil());
        return hub.createApiKey(lease.channelId(), maxWait.isNegative() ? Duration.ZERO : maxWait,
                () -> Uni.createFrom().deferred(() -> ledger.admit(lease)).runSubscriptionOn(onContext)
                        .map(admission -> switch (admission) {
                            case Admission.Create admitted -> {
                                sent.set(true);
                                yield admitted.timeout();
                            }
                            case Admission.Wait wait -> {
                                registry.counter("keys.claims.waited").increment();
                                throw new CallRefused(wait.reason());
                            }
                            case Admission.Fenced fenced -> throw new CallRefused(fenced.reason());
                        }));
    }

    private Uni<Optional<ChannelApiKey>> ownKeyAtHub(HubClient hub, Lease lease, TracedSpan span) {
        if (!lease.mayFollowAnUnknownOutcome()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return call(span, "360dialog list api keys", () -> hub.apiKeys(lease.channelId())).map(keys -> KeyAdoption.pick(keys, lease.claimedAt()))
                .invoke(adopted -> adopted.ifPresent(key -> LOG.infof(
                        "Adopted key %s of channel %s, created by an earlier attempt of the same claim", key.id(),
                        lease.channelId())));
    }
}
