package org.partnerhub.onboarding.state.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.partnerhub.onboarding.state.fold.ClientState;

/** A row of {@code client} as the query API reads it. Written only by {@link ProjectionStore}. */
@Entity
@Immutable
@Table(name = "client")
public class StoredClient {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(name = "hub_id")
    public String hubId;

    public String tenant;

    @Column(name = "tenant_source")
    public String tenantSource;

    @Column(name = "tenant_at")
    public Instant tenantAt;

    @Column(name = "tenant_event_id")
    public String tenantEventId;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public ClientState toState() {
        return new ClientState(clientId, hubId, Rows.tenantBinding(tenant, tenantSource, tenantAt, tenantEventId), name,
                createdAt, updatedAt);
    }
}
