package org.partnerhub.onboarding.keys.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerhub.onboarding.keys.domain.MessagingWebhookRules;
import org.partnerhub.onboarding.keys.domain.WebhookStatus;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Setting one stored key's messaging webhook: the durable schedule of its attempts. */
@Entity
@Table(name = "messaging_webhook")
public class MessagingWebhookRow extends PanacheEntityBase {

    /** The claim whose stored key sets the webhook. */
    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "hub_id")
    public String hubId;

    @Column(name = "channel_id")
    public String channelId;

    @Column(name = "key_id")
    public String keyId;

    @Enumerated(EnumType.STRING)
    public WebhookStatus status;

    /** The latest attempt's number, the fencing token; it only ever grows. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The URL the latest attempt set or tried to set. */
    public String url;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    MessagingWebhookRules.State state() {
        return new MessagingWebhookRules.State(status, attempts, leaseUntil);
    }
}
