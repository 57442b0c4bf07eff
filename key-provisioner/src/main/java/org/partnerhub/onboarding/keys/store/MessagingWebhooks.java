package org.partnerhub.onboarding.keys.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookFailed;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookSet;
import org.partnerhub.onboarding.hubapi.HubApiConfig;
import org.partnerhub.onboarding.keys.KeysConfig;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.Backoff;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookRules;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookRules.Take;
import org.partnerhub.onboarding.keys.domain.WebhookStatus;
import org.partnerhub.onboarding.keys.webhook.MessagingWebhookTemplates;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The messaging webhooks stored keys are to set, in PostgreSQL. The work is written in the transaction that stores
 * the key, so it survives restarts. Safe across replicas: a due row is leased under {@code FOR UPDATE SKIP LOCKED}
 * with a new attempt number and a lease, so one attempt works on it at a time; an outcome is recorded under the
 * row's lock only by the attempt still holding that number with a live lease (the fence). An attempt whose lease ran
 * out may still have set the webhook; the next one sets the same URL again, which changes nothing at 360dialog.
 */
@ApplicationScoped
public class MessagingWebhooks {

    private static final Logger LOG = Logger.getLogger(MessagingWebhooks.class);

    private final RandomGenerator random = RandomGenerator.getDefault();

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    KeysConfig config;

    @Inject
    HubApiConfig hubApi;

    @Inject
    MessagingWebhookTemplates templates;

    /** In the transaction storing the key: its hub's messaging webhook, if the hub has one, is due now. */
    Uni<Void> schedule(StoredApiKey key, Instant now) {
        if (templates.of(key.hubId).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        MessagingWebhookRow row = new MessagingWebhookRow();
        row.claimId = key.claimId;
        row.hubId = key.hubId;
        row.channelId = key.channelId;
        row.keyId = key.keyId;
        row.status = WebhookStatus.PENDING;
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.updatedAt = now;
        return row.persist().replaceWithVoid();
    }

    /** In the transaction withdrawing the key: work not done yet is dropped, the key no longer works. */
    Uni<Void> dropUnfinished(UUID claimId) {
        return MessagingWebhookRow.delete("claimId = ?1 and status in (?2, ?3)", claimId, WebhookStatus.PENDING,
                WebhookStatus.CALLING).replaceWithVoid();
    }

    /**
     * Leases the next due webhook of a key that is still live: PENDING past its time, or CALLING whose lease ran
     * out. Empty when none is due (or the only due one's attempts are used up; it is reported failed here).
     */
    @WithTransaction
    public Uni<Optional<WebhookLease>> leaseNext() {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select w.* from messaging_webhook w
                join channel_api_key k on k.claim_id = w.claim_id and k.revoked_at is null
                where (w.status = 'PENDING' and w.next_attempt_at <= :now)
                   or (w.status = 'CALLING' and w.lease_until < :now)
                order by w.next_attempt_at
                limit 1
                for update of w skip locked""", MessagingWebhookRow.class)
                .setParameter("now", now)
                .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(Optional.<WebhookLease>empty());
                    }
                    MessagingWebhookRow row = rows.getFirst();
                    row.updatedAt = now;
                    return switch (rules().take(row.state(), now)) {
                        case Take.GiveUp giveUp -> outbox.add(fail(row, giveUp.reason(), now))
                                .replaceWith(Optional.<WebhookLease>empty());
                        case Take.Granted granted -> {
                            row.status = WebhookStatus.CALLING;
                            row.attempts = granted.attempt();
                            row.leaseUntil = granted.leaseUntil();
                            yield lease(row);
                        }
                    };
                });
    }

    /** The tenant as {@code channel.state} last said, else as the claim recorded it. */
    private Uni<Optional<WebhookLease>> lease(MessagingWebhookRow row) {
        return StoredApiKey.<StoredApiKey>findById(row.claimId).chain(key -> KeyClaim.<KeyClaim>findById(row.claimId)
                .chain(claim -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select tenant from channel_view where hub_id = :hub and channel_id = :channel", String.class)
                        .setParameter("hub", row.hubId)
                        .setParameter("channel", row.channelId)
                        .getResultList())
                        .map(viewTenant -> Optional.of(new WebhookLease(row.claimId, row.hubId, row.channelId,
                                claim.clientId, viewTenant.stream().filter(Objects::nonNull).findFirst()
                                        .orElse(claim.tenant),
                                row.keyId, key.address, new KeyCipher.Sealed(key.kekId, key.ciphertext),
                                row.attempts)))));
    }

    @WithTransaction
    public Uni<Void> recordSet(WebhookLease lease, String url) {
        return locked(lease.claimId()).chain(row -> {
            if (row == null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            row.url = url;
            return switch (rules().succeeded(row.state(), lease.attempt(), now)) {
                case MessagingWebhookRules.Set set -> {
                    row.status = WebhookStatus.SET;
                    row.leaseUntil = null;
                    row.lastError = null;
                    row.updatedAt = now;
                    LOG.infof("Messaging webhook of channel %s set to %s with key %s", row.channelId, url, row.keyId);
                    yield outbox.add(new MessagingWebhookSet(row.hubId, row.channelId, row.keyId, url, row.attempts,
                            now));
                }
                case MessagingWebhookRules.Fenced fenced -> {
                    LOG.infof("Messaging webhook of channel %s, attempt %d: outcome not recorded: %s", row.channelId,
                            lease.attempt(), fenced.reason());
                    yield Uni.createFrom().voidItem();
                }
            };
        });
    }

    /** @param url the URL the attempt tried to set; null when it could not be built */
    @WithTransaction
    public Uni<Void> recordFailure(WebhookLease lease, String url, AttemptFailure failure) {
        return locked(lease.claimId()).chain(row -> {
            if (row == null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            return switch (rules().failed(row.state(), lease.attempt(), failure, now, random)) {
                case MessagingWebhookRules.Retry retry -> {
                    row.status = WebhookStatus.PENDING;
                    row.nextAttemptAt = retry.at();
                    row.leaseUntil = null;
                    row.url = url;
                    row.lastError = retry.reason();
                    row.updatedAt = now;
                    LOG.infof("Messaging webhook of channel %s, attempt %d: retrying at %s after: %s", row.channelId,
                            row.attempts, retry.at(), retry.reason());
                    yield outbox.add(new MessagingWebhookFailed(row.hubId, row.channelId, row.keyId, url,
                            retry.reason(), false, row.attempts, now));
                }
                case MessagingWebhookRules.GiveUp giveUp -> {
                    row.url = url;
                    yield outbox.add(fail(row, giveUp.reason(), now));
                }
                case MessagingWebhookRules.Fenced fenced -> {
                    LOG.infof("Messaging webhook of channel %s, attempt %d: failure not recorded (%s): %s",
                            row.channelId, lease.attempt(), fenced.reason(), failure.reason());
                    yield Uni.createFrom().voidItem();
                }
            };
        });
    }

    private static MessagingWebhookFailed fail(MessagingWebhookRow row, String reason, Instant now) {
        row.status = WebhookStatus.FAILED;
        row.leaseUntil = null;
        row.lastError = reason;
        row.updatedAt = now;
        LOG.warnf("Messaging webhook of channel %s, attempt %d failed: %s", row.channelId, row.attempts, reason);
        return new MessagingWebhookFailed(row.hubId, row.channelId, row.keyId, row.url, reason, true, row.attempts,
                now);
    }

    private static Uni<MessagingWebhookRow> locked(UUID claimId) {
        return MessagingWebhookRow.<MessagingWebhookRow>findById(claimId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The lease covers the call's bound and the recording of its outcome. */
    private MessagingWebhookRules rules() {
        KeysConfig.Retry retry = config.retry();
        return new MessagingWebhookRules(new Backoff(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay()),
                hubApi.timeout().multipliedBy(2));
    }
}
