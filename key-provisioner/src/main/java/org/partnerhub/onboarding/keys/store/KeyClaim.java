package org.partnerhub.onboarding.keys.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerhub.onboarding.keys.domain.ClaimState;
import org.partnerhub.onboarding.keys.domain.ClaimStatus;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The right to create one channel's key for one permission grant, and how far that has got. */
@Entity
@Table(name = "key_claim")
public class KeyClaim extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "hub_id")
    public String hubId;

    @Column(name = "channel_id")
    public String channelId;

    @Column(name = "client_id")
    public String clientId;

    /** The channel's tenant when the claim was taken; null if it was not known then. */
    public String tenant;

    @Column(name = "granted_version")
    public long grantedVersion;

    @Enumerated(EnumType.STRING)
    public ClaimStatus status;

    public int attempts;

    @Column(name = "attempts_before_retry")
    public int attemptsBeforeRetry;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "revoked_version")
    public Long revokedVersion;

    /** Why the claim was revoked: the permission, or the channel's end at 360dialog; null for older rows. */
    @Column(name = "revoke_reason")
    public String revokeReason;

    @Column(name = "window_started_at")
    public Instant windowStartedAt;

    @Column(name = "creations_in_window")
    public int creationsInWindow;

    @Column(name = "unanswered_creations")
    public int unansweredCreations;

    @Column(name = "not_running_since")
    public Instant notRunningSince;

    /** The W3C trace context of what took the claim; see the V14 migration. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What the claim rules decide on. */
    public ClaimState state() {
        return new ClaimState(status, attempts, attemptsBeforeRetry, leaseUntil, windowStartedAt, creationsInWindow,
                unansweredCreations, notRunningSince);
    }
}
