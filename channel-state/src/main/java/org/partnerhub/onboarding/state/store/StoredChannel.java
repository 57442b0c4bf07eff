package org.partnerhub.onboarding.state.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.partnerhub.onboarding.state.fold.ChannelState;

/**
 * A row of {@code channel} as the query API reads it. Written only by {@link ProjectionStore}; enums are stored in
 * lower case, as they are published.
 */
@Entity
@Immutable
@Table(name = "channel")
public class StoredChannel {

    @Id
    @Column(name = "channel_id")
    public String channelId;

    @Column(name = "hub_id")
    public String hubId;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "client_observed")
    public boolean clientObserved;

    public String tenant;

    @Column(name = "tenant_source")
    public String tenantSource;

    @Column(name = "tenant_at")
    public Instant tenantAt;

    @Column(name = "tenant_event_id")
    public String tenantEventId;

    @Column(name = "phone_number")
    public String phoneNumber;

    public String status;

    @Column(name = "status_at")
    public Instant statusAt;

    public String stage;

    @Column(name = "account_mode")
    public String accountMode;

    public String permission;

    @Column(name = "permission_source")
    public String permissionSource;

    @Column(name = "permission_at")
    public Instant permissionAt;

    @Column(name = "permission_event_id")
    public String permissionEventId;

    @Column(name = "api_key")
    public String apiKey;

    @Column(name = "api_key_reason")
    public String apiKeyReason;

    @Column(name = "api_key_at")
    public Instant apiKeyAt;

    @Column(name = "api_key_event_id")
    public String apiKeyEventId;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_fact_at")
    public Instant lastFactAt;

    public ChannelState toState() {
        return new ChannelState(channelId, hubId, clientId, clientObserved,
                Rows.tenantBinding(tenant, tenantSource, tenantAt, tenantEventId), phoneNumber, status, statusAt, accountMode, Rows.permission(permission), permissionSource, permissionAt,
                permissionEventId, Rows.apiKey(apiKey), apiKeyReason, apiKeyAt, apiKeyEventId, version, createdAt,
                updatedAt, lastFactAt);
    }
}
