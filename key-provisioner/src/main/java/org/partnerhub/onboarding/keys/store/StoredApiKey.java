package org.partnerhub.onboarding.keys.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A channel's key as stored: the secret only as ciphertext. */
@Entity
@Table(name = "channel_api_key")
public class StoredApiKey extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "hub_id")
    public String hubId;

    @Column(name = "channel_id")
    public String channelId;

    @Column(name = "key_id")
    public String keyId;

    public String address;

    @Column(name = "app_id")
    public String appId;

    @Column(name = "kek_id")
    public String kekId;

    public byte[] ciphertext;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    /** Withdrawn and to be deleted at 360dialog; its {@code api-key.revoked} is written once that was tried. */
    @Column(name = "delete_pending")
    public boolean deletePending;

    /** What the ciphertext is bound to, so it cannot be moved to another row and still decrypt. */
    public static String associatedData(String hubId, String channelId, String keyId) {
        return hubId + "\u0000" + channelId + "\u0000" + keyId;
    }

    @Override
    public String toString() {
        return "StoredApiKey[channel=" + channelId + ", keyId=" + keyId + ", kek=" + kekId + "]";
    }
}
