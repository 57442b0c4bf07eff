package org.partnerhub.onboarding.keys.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;
import org.partnerhub.onboarding.hubapi.HubApiConfig;
import org.partnerhub.onboarding.keys.KeysConfig;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.Backoff;
import org.partnerhub.onboarding.keys.domain.ClaimStatus;
import org.partnerhub.onboarding.keys.domain.Lease;
import org.partnerhub.onboarding.keys.domain.ProvisioningDecision;
import org.partnerhub.onboarding.keys.domain.RetryOutcome;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The claims, stored keys and their events in PostgreSQL. Each method is one transaction, so a state change and the
 * event reporting it are committed together or not at all.
 */
@ApplicationScoped
public class ClaimLedger {

    private static final Logger LOG = Logger.getLogger(ClaimLedger.class);
    static final String REVOKED_REASON = "permission revoked";

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

    /**
     * Takes the claim for the channel's current permission if the event calls for a key and no claim holds it yet.
     *
     * @return whether a claim was taken by this call
     */
    @WithTransaction
    public Uni<Boolean> claim(ChannelTransition event) {
        return lastRevokedVersion(event.hubId(), event.channelId()).chain(lastRevoked -> {
            ProvisioningDecision decision = ProvisioningDecision.decide(event.snapshot(), event.version(), lastRevoked);
            if (decision instanceof ProvisioningDecision.Ignore ignore) {
                LOG.debugf("No key for channel %s on %s: %s", event.channelId(), event.type(), ignore.reason());
                return Uni.createFrom().item(false);
            }
            Instant now = clock.instant();
            // ON CONFLICT: a claim for this permission exists already, which is the exactly-once rule doing its job.
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                    insert into key_claim (id, hub_id, channel_id, client_id, tenant, granted_version, status,
                                           attempts, next_attempt_at, created_at, updated_at)
                    values (:id, :hub, :channel, :client, :tenant, :version, 'PENDING', 0, :now, :now, :now)
                    on conflict do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("hub", event.hubId())
                    .setParameter("channel", event.channelId())
                    .setParameter("client", event.snapshot().clientId())
                    .setParameter("tenant", event.snapshot().tenant())
                    .setParameter("version", event.version())
                    .setParameter("now", now)
                    .executeUpdate())
                    .map(inserted -> inserted == 1);
        });
    }

    /** Hands out up to {@code max} due claims, including ones whose attempt died without recording an outcome. */
    @WithTransaction
    public Uni<List<Lease>> leaseDue(int max) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(leaseDuration());
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select * from key_claim
                where (status = 'PENDING' and next_attempt_at <= :now) or (status = 'CALLING' and lease_until < :now)
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
                        if (claim.status == ClaimStatus.CALLING
                                && claim.attemptsSinceRetry() >= config.retry().maxAttempts()) {
                            // Attempts that keep dying (a crash loop) must not go on for ever either.
                            ApiKeyFailed failed = giveUp(claim, now);
                            reports = reports.chain(() -> outbox.add(failed));
                        } else {
                            claim.status = ClaimStatus.CALLING;
                            claim.attempts++;
                            claim.leaseUntil = leaseUntil;
                            leases.add(new Lease(claim.id, claim.hubId, claim.channelId, claim.clientId,
                                    claim.attempts, claim.createdAt));
                        }
                    }
                    return reports.replaceWith(leases);
                });
    }

    private static ApiKeyFailed giveUp(KeyClaim claim, Instant now) {
        claim.status = ClaimStatus.FAILED;
        claim.leaseUntil = null;
        claim.lastError = "gave up after " + claim.attempts + " attempts; the last ended without an outcome";
        LOG.warnf("Key for channel %s: %s", claim.channelId, claim.lastError);
        return new ApiKeyFailed(claim.hubId, claim.channelId, claim.lastError, true, claim.attempts, now,
                claim.id.toString());
    }

    /** Stores the key encrypted and reports it; a key arriving after its permission was revoked is kept, withdrawn. */
    @WithTransaction
    public Uni<Void> recordKey(Lease lease, ChannelApiKey key) {
        return KeyClaim.<KeyClaim>findById(lease.claimId()).chain(claim -> {
            Instant now = clock.instant();
            if (claim.status == ClaimStatus.REVOKED) {
                return store(claim, key, now, REVOKED_REASON).chain(() -> outbox.add(new ApiKeyRevoked(claim.hubId,
                        claim.channelId, key.id(), REVOKED_REASON, false, now)));
            }
            if (claim.status != ClaimStatus.CALLING || claim.attempts != lease.attempt()) {
                // Our lease ran out and a later attempt owns the claim; it looks at 360dialog before creating.
                LOG.warnf("Attempt %d for channel %s finished after its lease; key %s left to attempt %d",
                        lease.attempt(), claim.channelId, key.id(), claim.attempts);
                return Uni.createFrom().voidItem();
            }
            claim.status = ClaimStatus.PROVISIONED;
            claim.leaseUntil = null;
            claim.lastError = null;
            claim.updatedAt = now;
            return store(claim, key, now, null).chain(() -> outbox.add(new ApiKeyProvisioned(claim.hubId,
                    claim.channelId, claim.clientId, key.id(), key.address(), key.appId(), claim.id.toString(), now)));
        });
    }

    /** Schedules the next attempt in the claim itself, or gives up; either way reports it. */
    @WithTransaction
    public Uni<Void> recordFailure(Lease lease, AttemptFailure failure) {
        return KeyClaim.<KeyClaim>findById(lease.claimId()).chain(claim -> {
            if (claim.status != ClaimStatus.CALLING || claim.attempts != lease.attempt()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            Optional<Duration> wait = failure.retryable()
                    ? backoff().next(claim.attemptsSinceRetry(), failure.retryAfter(), random)
                    : Optional.empty();
            claim.lastError = failure.reason();
            claim.leaseUntil = null;
            claim.updatedAt = now;
            wait.ifPresentOrElse(delay -> {
                claim.status = ClaimStatus.PENDING;
                claim.nextAttemptAt = now.plus(delay);
            }, () -> claim.status = ClaimStatus.FAILED);
            String reason = failure.retryable() && wait.isEmpty()
                    ? "gave up after " + claim.attempts + " attempts: " + failure.reason()
                    : failure.reason();
            LOG.infof("Key for channel %s, attempt %d: %s", claim.channelId, claim.attempts,
                    wait.map(delay -> "retrying in " + delay + " after: " + reason).orElse("failed: " + reason));
            return outbox.add(new ApiKeyFailed(claim.hubId, claim.channelId, reason, wait.isEmpty(), claim.attempts,
                    now, claim.id.toString()));
        });
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
                    updated_at = :now
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

    /** The 360dialog id of the channel's key that is still handed out, if any. */
    @WithTransaction
    public Uni<Optional<String>> liveKeyId(String hubId, String channelId) {
        return StoredApiKey.<StoredApiKey>find("hubId = ?1 and channelId = ?2 and revokedAt is null", hubId, channelId)
                .firstResult()
                .map(key -> Optional.ofNullable(key).map(stored -> stored.keyId));
    }

    /**
     * Ends the channel's current permission: the claim is revoked (a tombstone is written if there was none, so a
     * late event from before the revocation cannot claim again) and a stored key is withdrawn and reported.
     */
    @WithTransaction
    public Uni<Void> revoke(ChannelTransition event, boolean deletedAtHub) {
        Instant now = clock.instant();
        return KeyClaim.<KeyClaim>find("hubId = ?1 and channelId = ?2 and status <> ?3", event.hubId(),
                event.channelId(), ClaimStatus.REVOKED).firstResult().chain(found -> {
                    KeyClaim claim = found != null ? found : tombstone(event, now);
                    claim.status = ClaimStatus.REVOKED;
                    claim.revokedVersion = event.version();
                    claim.leaseUntil = null;
                    claim.updatedAt = now;
                    return claim.<KeyClaim>persist().chain(() -> withdraw(claim, deletedAtHub, now));
                });
    }

    private Uni<Void> withdraw(KeyClaim claim, boolean deletedAtHub, Instant now) {
        return StoredApiKey.<StoredApiKey>find("claimId = ?1 and revokedAt is null", claim.id).firstResult()
                .chain(key -> {
                    if (key == null) {
                        return Uni.createFrom().voidItem();
                    }
                    key.revokedAt = now;
                    key.revokeReason = REVOKED_REASON;
                    return outbox.add(new ApiKeyRevoked(key.hubId, key.channelId, key.keyId, REVOKED_REASON,
                            deletedAtHub, now));
                });
    }

    private KeyClaim tombstone(ChannelTransition event, Instant now) {
        KeyClaim claim = new KeyClaim();
        claim.id = UUID.randomUUID();
        claim.hubId = event.hubId();
        claim.channelId = event.channelId();
        claim.clientId = event.snapshot().clientId();
        claim.grantedVersion = event.version();
        claim.nextAttemptAt = now;
        claim.createdAt = now;
        return claim;
    }

    private Uni<Void> store(KeyClaim claim, ChannelApiKey key, Instant now, String revokedReason) {
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
        return stored.persist().replaceWithVoid();
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

    /** Longer than any call can take, so a live attempt is never taken over; a dead one is after this. */
    private Duration leaseDuration() {
        return hubApi.timeout().multipliedBy(3);
    }

    private Backoff backoff() {
        KeysConfig.Retry retry = config.retry();
        return new Backoff(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay());
    }
}
