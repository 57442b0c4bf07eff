package org.partnerhub.onboarding.keys.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;
import org.partnerhub.onboarding.hubapi.HubApiConfig;
import org.partnerhub.onboarding.keys.KeysConfig;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.Backoff;
import org.partnerhub.onboarding.keys.domain.ClaimRules;
import org.partnerhub.onboarding.keys.domain.ClaimRules.AfterFailure;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Admission;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Arrival;
import org.partnerhub.onboarding.keys.domain.ClaimRules.Take;
import org.partnerhub.onboarding.keys.domain.ClaimStatus;
import org.partnerhub.onboarding.keys.domain.Lease;
import org.partnerhub.onboarding.keys.domain.ProvisioningDecision;
import org.partnerhub.onboarding.keys.domain.RetryOutcome;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The claims, stored keys and their events in PostgreSQL. Each method is one transaction, so a state change and the
 * event reporting it are committed together or not at all. Every method that changes a claim first locks its row
 * ({@code SELECT ... FOR UPDATE}), asks {@link ClaimRules} and writes the decision: two replicas, a revocation and a
 * late attempt are serialised on that lock, and the attempt number and lease in the row fence off stale attempts.
 */
@ApplicationScoped
public class ClaimLedger {

    private static final Logger LOG = Logger.getLogger(ClaimLedger.class);
    /** The advisory lock of the sweep: any number no other code in this database uses. */
    private static final long SWEEP_LOCK = 0x6b65797377656570L;
    private static final int SWEEP_BATCH = 500;

    private final RandomGenerator random = RandomGenerator.getDefault();

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    KeyCipher cipher;

    @Inject
    KeysConfig config;

    @Inject
    HubApiConfig hubApi;

    @Inject
    MessagingWebhooks webhooks;

    /**
     * Takes the claim for the channel's current permission if the event calls for a key and no claim holds it yet.
     *
     * @return whether a claim was taken by this call
     */
    /** @param trace the context of the claim's span, which the attempts to create the key continue */
    @WithTransaction
    public Uni<Boolean> claim(ChannelTransition event, Optional<TraceParent> trace) {
        return lastRevokedVersion(event.hubId(), event.channelId()).chain(lastRevoked -> {
            ProvisioningDecision decision = ProvisioningDecision.decide(event.snapshot(), event.version(), lastRevoked);
            if (!(decision instanceof ProvisioningDecision.Provision)) {
                // A cancelled channel's withdrawal follows its channel.state snapshot (ChannelStateConsumer).
                LOG.debugf("No key for channel %s on %s: %s", event.channelId(), event.type(), decision);
                return Uni.createFrom().item(false);
            }
            return insertClaim(event.hubId(), event.channelId(), event.snapshot().clientId(),
                    event.snapshot().tenant(), event.version(), trace);
        });
    }

    /** ON CONFLICT: a claim for this permission exists already, which is the exactly-once rule doing its job. */
    private Uni<Boolean> insertClaim(String hubId, String channelId, String clientId, String tenant, long version,
            Optional<TraceParent> trace) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into key_claim (id, hub_id, channel_id, client_id, tenant, granted_version, status, attempts,
                                       next_attempt_at, created_at, updated_at, trace_parent)
                values (:id, :hub, :channel, :client, :tenant, :version, 'PENDING', 0, :now, :now, :now, :trace)
                on conflict do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("hub", hubId)
                .setParameter("channel", channelId)
                .setParameter("client", clientId)
                .setParameter("tenant", tenant)
                .setParameter("version", version)
                .setParameter("now", now)
                .setParameter("trace", trace.map(TraceParent::value).orElse(null))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Finds channels that {@code channel.state} last showed running and permitted without a claim here, and claims
     * them. One replica at a time sweeps (a transaction-scoped advisory lock); the claims themselves are safe anyway
     * (the unique index), the lock only saves the others the work.
     *
     * @return how many channels were claimed
     */
    @WithTransaction
    public Uni<Integer> claimMissing() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select pg_try_advisory_xact_lock(" + SWEEP_LOCK + ")", Boolean.class).getSingleResult()
                .chain(mine -> !mine ? Uni.createFrom().item(0) : session.createNativeQuery("""
                        select v.hub_id, v.channel_id, v.client_id, v.version, v.stage, v.permission, v.api_key,
                               (select max(r.revoked_version) from key_claim r
                                where r.hub_id = v.hub_id and r.channel_id = v.channel_id),
                               v.tenant
                        from channel_view v
                        where v.stage in ('RUNNING', 'LIVE') and v.permission = 'GRANTED' and v.api_key <> 'PROVISIONED'
                          and not exists (select 1 from key_claim c where c.hub_id = v.hub_id
                                          and c.channel_id = v.channel_id and c.status <> 'REVOKED')
                        limit :max""", Object[].class)
                        .setParameter("max", SWEEP_BATCH)
                        .getResultList()
                        .chain(rows -> {
                            Uni<Integer> claimed = Uni.createFrom().item(0);
                            for (Object[] row : rows) {
                                claimed = claimed.chain(count -> claimSwept(row).map(taken -> taken ? count + 1 : count));
                            }
                            return claimed;
                        })));
    }

    private Uni<Boolean> claimSwept(Object[] row) {
        String hubId = (String) row[0];
        String channelId = (String) row[1];
        long version = ((Number) row[3]).longValue();
        Optional<Long> lastRevoked = Optional.ofNullable((Number) row[7]).map(Number::longValue);
        ProvisioningDecision decision = ProvisioningDecision.decide(ChannelStage.valueOf((String) row[4]),
                PermissionState.valueOf((String) row[5]), ApiKeyState.valueOf((String) row[6]), version, lastRevoked);
        if (!(decision instanceof ProvisioningDecision.Provision)) {
            return Uni.createFrom().item(false);
        }
        return insertClaim(hubId, channelId, (String) row[2], (String) row[8], version, Optional.empty()).invoke(taken -> {
            if (taken) {
                LOG.warnf("Sweep: channel %s is running and permitted (version %d) but had no claim; claimed it",
                        channelId, version);
            }
        });
    }

    /**
     * Hands out up to {@code max} due claims, including ones whose attempt died without recording an outcome. Rows are
     * locked and skipped when another replica holds them, so each due claim goes to one attempt.
     */
    @WithTransaction
    public Uni<List<Lease>> leaseDue(int max) {
        if (max < 1) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        ClaimRules rules = rules();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select * from key_claim
                where (status in ('PENDING', 'WAITING') and next_attempt_at <= :now)
                   or (status = 'CALLING' and lease_until < :now)
                order by next_attempt_at
                limit :max
                for update skip locked""", KeyClaim.class)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList())
                .chain(claims -> {
                    List<Lease> leases = new ArrayList<>();
                    Uni<Void> reports = Uni.createFrom().voidItem();
                    for (KeyClaim claim : claims) {
                        claim.updatedAt = now;
                        switch (rules.take(claim.state(), now)) {
                            case Take.GiveUp giveUp -> {
                                ApiKeyFailed failed = fail(claim, giveUp.reason(), now);
                                reports = reports.chain(() -> outbox.add(failed,
                                        TraceParent.parse(claim.traceParent)));
                            }
                            case Take.Granted granted -> {
                                claim.status = ClaimStatus.CALLING;
                                claim.attempts = granted.attempt();
                                claim.leaseUntil = granted.leaseUntil();
                                leases.add(new Lease(claim.id, claim.hubId, claim.channelId, claim.clientId,
                                        claim.attempts, claim.createdAt, claim.leaseUntil,
                                        TraceParent.parse(claim.traceParent)));
                            }
                        }
                    }
                    return reports.replaceWith(leases);
                });
    }

    /**
     * The fence before {@code POST .../api_keys}, asked while the call holds its Partner API slot: only an attempt that
     * still holds its claim with a live lease may create, and its lease is renewed to cover the call and the
     * recording of its result, so no other attempt can take the claim while the call may still be in flight.
     */
    @WithTransaction
    public Uni<Admission> admit(Lease lease) {
        return locked(lease.claimId()).map(claim -> {
            Instant now = clock.instant();
            Admission admission = rules().admit(claim.state(), lease.attempt(), now);
            switch (admission) {
                case Admission.Create create -> {
                    claim.leaseUntil = create.leaseUntil();
                    claim.windowStartedAt = create.windowStartedAt();
                    claim.creationsInWindow = create.creationsInWindow();
                    claim.updatedAt = now;
                }
                case Admission.Wait wait -> {
                    claim.status = ClaimStatus.WAITING;
                    claim.nextAttemptAt = wait.until();
                    claim.leaseUntil = null;
                    claim.lastError = wait.reason();
                    claim.updatedAt = now;
                    LOG.warnf("Key for channel %s: %s", claim.channelId, wait.reason());
                }
                case Admission.Fenced fenced -> LOG.infof("Attempt %d for channel %s sends nothing: %s",
                        lease.attempt(), claim.channelId, fenced.reason());
            }
            return admission;
        });
    }

    /**
     * Stores the key encrypted and reports it, if the attempt still holds its claim. A key arriving after its
     * permission was revoked is stored withdrawn (never handed out); with delete-on-revoke it is returned to be
     * deleted at 360dialog.
     */
    @WithTransaction
    public Uni<Optional<KeyToDelete>> recordKey(Lease lease, ChannelApiKey key) {
        return locked(lease.claimId()).chain(claim -> {
            Instant now = clock.instant();
            return switch (rules().keyArrived(claim.state(), lease.attempt(), now)) {
                case Arrival.Store store -> {
                    claim.status = ClaimStatus.PROVISIONED;
                    claim.leaseUntil = null;
                    claim.lastError = null;
                    claim.notRunningSince = null;
                    claim.updatedAt = now;
                    yield store(claim, key, now, null).chain(stored -> webhooks.schedule(stored, now))
                            .chain(() -> outbox.add(new ApiKeyProvisioned(claim.hubId, claim.channelId,
                                    claim.clientId, key.id(), key.address(), key.appId(), claim.id.toString(), now),
                                    lease.trace()))
                            .replaceWith(Optional.<KeyToDelete>empty());
                }
                case Arrival.Withdraw withdraw -> StoredApiKey.<StoredApiKey>findById(claim.id).chain(existing -> {
                    String reason = Objects.requireNonNullElse(claim.revokeReason, Withdrawal.PERMISSION_REVOKED);
                    LOG.infof("Key %s of channel %s arrived after its claim was revoked (%s); it is withdrawn",
                            key.id(), claim.channelId, reason);
                    if (existing != null) {
                        return Uni.createFrom().item(Optional.<KeyToDelete>empty());
                    }
                    return store(claim, key, now, reason).chain(stored -> reportWithdrawn(stored, now));
                });
                case Arrival.Discard discard -> {
                    // Not stored: the attempt that owns the claim creates again, which revokes this key at 360dialog.
                    LOG.warnf("Attempt %d for channel %s: key %s not stored: %s", lease.attempt(), claim.channelId,
                            key.id(), discard.reason());
                    yield Uni.createFrom().item(Optional.<KeyToDelete>empty());
                }
            };
        });
    }

    /**
     * Schedules the next attempt in the claim itself, or gives up; either way reports it.
     *
     * @param creationAnswered whether the attempt's creation was sent and 360dialog answered it with an error
     */
    @WithTransaction
    public Uni<Void> recordFailure(Lease lease, AttemptFailure failure, boolean creationAnswered) {
        return locked(lease.claimId()).chain(claim -> {
            Instant now = clock.instant();
            AfterFailure after = rules().failed(claim.state(), lease.attempt(), failure, creationAnswered, now,
                    random);
            return switch (after) {
                case AfterFailure.Fenced fenced -> {
                    LOG.infof("Attempt %d for channel %s: failure not recorded (%s): %s", lease.attempt(),
                            claim.channelId, fenced.reason(), failure.reason());
                    yield Uni.createFrom().voidItem();
                }
                case AfterFailure.Retry retry -> {
                    claim.status = ClaimStatus.PENDING;
                    claim.nextAttemptAt = retry.at();
                    claim.leaseUntil = null;
                    claim.lastError = retry.reason();
                    count(claim, retry.counters());
                    claim.updatedAt = now;
                    LOG.infof("Key for channel %s, attempt %d: retrying at %s after: %s", claim.channelId,
                            claim.attempts, retry.at(), retry.reason());
                    yield outbox.add(new ApiKeyFailed(claim.hubId, claim.channelId, retry.reason(), false,
                            claim.attempts, now, claim.id.toString()), lease.trace());
                }
                case AfterFailure.GiveUp giveUp -> {
                    count(claim, giveUp.counters());
                    yield outbox.add(fail(claim, giveUp.reason(), now), lease.trace());
                }
            };
        });
    }

    private static void count(KeyClaim claim, ClaimRules.Counters counters) {
        claim.creationsInWindow = counters.creationsInWindow();
        claim.unansweredCreations = counters.unansweredCreations();
        claim.notRunningSince = counters.notRunningSince();
    }

    private static ApiKeyFailed fail(KeyClaim claim, String reason, Instant now) {
        claim.status = ClaimStatus.FAILED;
        claim.leaseUntil = null;
        claim.lastError = reason;
        claim.updatedAt = now;
        LOG.warnf("Key for channel %s, attempt %d failed: %s", claim.channelId, claim.attempts, reason);
        return new ApiKeyFailed(claim.hubId, claim.channelId, reason, true, claim.attempts, now, claim.id.toString());
    }

    /**
     * Makes the channel's FAILED claim due now with a fresh attempt budget. Nothing is published: the next attempt
     * reports its own outcome, and it lists the channel's keys before creating one because its attempt number is
     * past the first.
     */
    @WithTransaction
    public Uni<RetryOutcome> retry(String channelId) {
        Instant now = clock.instant();
        // One conditional statement, so that of two retries at once only one finds the claim FAILED.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update key_claim
                set status = 'PENDING', next_attempt_at = :now, lease_until = null, attempts_before_retry = attempts,
                    not_running_since = null, updated_at = :now
                where channel_id = :channel and status = 'FAILED'""")
                .setParameter("now", now)
                .setParameter("channel", channelId)
                .executeUpdate())
                .chain(retried -> KeyClaim.<KeyClaim>list("channelId = ?1 order by createdAt desc", channelId)
                        .map(claims -> retried > 0 ? retried(claims)
                                : RetryOutcome.notRetried(claims.stream().map(claim -> claim.status).toList())));
    }

    /** The claim this transaction made PENDING is the channel's one that is not REVOKED, locked until commit. */
    private static RetryOutcome retried(List<KeyClaim> claims) {
        return claims.stream().filter(claim -> claim.status == ClaimStatus.PENDING).findFirst()
                .map(claim -> new RetryOutcome.Retried(claim.lastError)).orElseThrow();
    }

    /**
     * Ends the channel's current permission (revoked, or the channel cancelled or terminated) under the claim's row
     * lock, so that no attempt records a key in between: the claim is revoked with the reason and a stored key is
     * withdrawn. Without a claim a tombstone is written, so that a late event from before the withdrawal cannot
     * claim again, unless a revocation at this version or later is already recorded (a redelivery). Without
     * delete-on-revoke the withdrawal is reported here; with it, the key is returned to be deleted at 360dialog, with
     * any other deletion of the channel still pending (a redelivered withdrawal after a crash finds them here).
     */
    @WithTransaction
    public Uni<List<KeyToDelete>> withdraw(Withdrawal withdrawal) {
        Instant now = clock.instant();
        return KeyClaim.<KeyClaim>find("hubId = ?1 and channelId = ?2 and status <> ?3", withdrawal.hubId(),
                withdrawal.channelId(), ClaimStatus.REVOKED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(found -> {
                    if (found == null) {
                        return lastRevokedVersion(withdrawal.hubId(), withdrawal.channelId()).chain(lastRevoked ->
                                lastRevoked.filter(version -> version >= withdrawal.version()).isPresent()
                                        ? Uni.createFrom().voidItem()
                                        : tombstone(withdrawal, now).persist().replaceWithVoid());
                    }
                    found.status = ClaimStatus.REVOKED;
                    found.revokedVersion = withdrawal.version();
                    found.revokeReason = withdrawal.reason();
                    found.leaseUntil = null;
                    found.updatedAt = now;
                    return StoredApiKey.<StoredApiKey>find("claimId = ?1 and revokedAt is null", found.id)
                            .firstResult().chain(key -> key == null ? Uni.createFrom().voidItem()
                                    : withdraw(key, withdrawal.reason(), now).replaceWithVoid());
                })
                .chain(() -> StoredApiKey.<StoredApiKey>list("hubId = ?1 and channelId = ?2 and deletePending = true",
                        withdrawal.hubId(), withdrawal.channelId()))
                .map(pending -> pending.stream().map(KeyToDelete::of).toList());
    }

    /** A withdrawn key sets no messaging webhook any more: 360dialog would refuse it. */
    private Uni<Optional<KeyToDelete>> withdraw(StoredApiKey key, String reason, Instant now) {
        key.revokedAt = now;
        key.revokeReason = reason;
        return webhooks.dropUnfinished(key.claimId).chain(() -> reportWithdrawn(key, now));
    }

    private Uni<Optional<KeyToDelete>> reportWithdrawn(StoredApiKey key, Instant now) {
        if (config.deleteOnRevoke()) {
            key.deletePending = true;
            return Uni.createFrom().item(Optional.of(KeyToDelete.of(key)));
        }
        return outbox.add(new ApiKeyRevoked(key.hubId, key.channelId, key.keyId, key.revokeReason, false, now))
                .replaceWith(Optional.empty());
    }

    /**
     * Reports a withdrawn key once its deletion at 360dialog was tried. The key row is locked, so of two replicas
     * finishing the same deletion (the sweep and a redelivered revocation) one reports it.
     */
    @WithTransaction
    public Uni<Void> deletionTried(KeyToDelete key, boolean deleted) {
        return StoredApiKey.<StoredApiKey>findById(key.claimId(), LockModeType.PESSIMISTIC_WRITE).chain(stored -> {
            if (stored == null || !stored.deletePending) {
                return Uni.createFrom().voidItem();
            }
            stored.deletePending = false;
            return outbox.add(new ApiKeyRevoked(stored.hubId, stored.channelId, stored.keyId,
                    Objects.requireNonNullElse(stored.revokeReason, Withdrawal.PERMISSION_REVOKED), deleted, clock.instant()));
        });
    }

    /**
     * Withdrawn keys whose deletion at 360dialog was interrupted (a crash between withdrawing and deleting). A key is
     * left to the withdrawal's own deletion for as long as that call may wait for a slot and take, so that the sweep
     * does not send a second DELETE alongside it (harmless, a 404 counts as deleted, but not needed).
     */
    @WithTransaction
    public Uni<List<KeyToDelete>> pendingDeletions() {
        Instant before = clock.instant().minus(hubApi.timeoutCeiling()).minus(hubApi.timeout());
        return StoredApiKey.<StoredApiKey>list("deletePending = true and revokedAt < ?1", before)
                .map(pending -> pending.stream().map(KeyToDelete::of).toList());
    }

    /**
     * How many claims of each hub are FAILED: each holds its channel without a key until an operator retries it or a
     * new grant claims again. One grouped count, read by the gauge {@code keys_claims_failed}.
     */
    @WithSession
    public Uni<Map<String, Long>> failedPerHub() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select hub_id, count(*) from key_claim where status = 'FAILED' group by hub_id", Object[].class)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0],
                        row -> ((Number) row[1]).longValue())));
    }

    /**
     * Runs, once at start-up, the statements the first key's transactions use, against rows that cannot exist: the
     * pool opens its connection and Hibernate parses its queries now rather than on the first channel. Changes
     * nothing.
     */
    @WithTransaction
    public Uni<Void> warmUp() {
        UUID none = new UUID(0, 0);
        return lastRevokedVersion("", "").chain(() -> locked(none))
                .chain(() -> StoredApiKey.<StoredApiKey>findById(none))
                .chain(() -> KeyClaim.<KeyClaim>list("channelId = ?1 order by createdAt desc", ""))
                .replaceWithVoid();
    }

    private Uni<KeyClaim> locked(UUID claimId) {
        return KeyClaim.<KeyClaim>findById(claimId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static KeyClaim tombstone(Withdrawal withdrawal, Instant now) {
        KeyClaim claim = new KeyClaim();
        claim.id = UUID.randomUUID();
        claim.hubId = withdrawal.hubId();
        claim.channelId = withdrawal.channelId();
        claim.clientId = withdrawal.clientId();
        claim.grantedVersion = withdrawal.version();
        claim.status = ClaimStatus.REVOKED;
        claim.revokedVersion = withdrawal.version();
        claim.revokeReason = withdrawal.reason();
        claim.nextAttemptAt = now;
        claim.createdAt = now;
        claim.updatedAt = now;
        return claim;
    }

    private Uni<StoredApiKey> store(KeyClaim claim, ChannelApiKey key, Instant now, String revokedReason) {
        KeyCipher.Sealed sealed = cipher.encrypt(key.apiKey(),
                StoredApiKey.associatedData(claim.hubId, claim.channelId, key.id()));
        StoredApiKey stored = new StoredApiKey();
        stored.claimId = claim.id;
        stored.hubId = claim.hubId;
        stored.channelId = claim.channelId;
        stored.keyId = key.id();
        stored.address = key.address();
        stored.appId = key.appId();
        stored.kekId = sealed.keyId();
        stored.ciphertext = sealed.ciphertext();
        stored.createdAt = now;
        stored.revokedAt = revokedReason == null ? null : now;
        stored.revokeReason = revokedReason;
        return stored.persist();
    }

    private Uni<Optional<Long>> lastRevokedVersion(String hubId, String channelId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select max(c.revokedVersion) from KeyClaim c where c.hubId = :hub and c.channelId = :channel",
                Long.class)
                .setParameter("hub", hubId)
                .setParameter("channel", channelId)
                .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    /**
     * The lease as taken covers listing keys, waiting for a slot and a re-login, three call bounds; the fence before
     * the creation renews it for the creation's own bound.
     */
    private ClaimRules rules() {
        KeysConfig.Retry retry = config.retry();
        return new ClaimRules(new Backoff(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay()),
                hubApi.timeout().multipliedBy(3), hubApi.timeout(), hubApi.timeoutCeiling(),
                config.creationBudget().creations(), config.creationBudget().window(), config.notRunningGrace());
    }
}
