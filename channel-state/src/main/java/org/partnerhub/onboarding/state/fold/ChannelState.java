package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.PermissionState;

/**
 * One channel of the projection. Besides what the snapshot publishes it keeps, per dimension, the time and event
 * of the fact that set it, because those decide whether a later-arriving fact is newer.
 *
 * @param clientObserved whether 360dialog itself reported the channel under {@code clientId}; otherwise the client
 *     comes from a permission fact the gateway confirmed, and the first report by 360dialog replaces it
 * @param tenantBinding the channel's client's binding to a tenant
 * @param statusAt 360dialog's own timestamp for the status where the channel object carried one
 * @param permissionAt absent while the permission is the hub's default
 */
public record ChannelState(
        String channelId,
        String hubId,
        String clientId,
        boolean clientObserved,
        TenantBinding tenantBinding,
        String phoneNumber,
        String status,
        Instant statusAt,
        String accountMode,
        PermissionState permission,
        String permissionSource,
        Instant permissionAt,
        String permissionEventId,
        ApiKeyState apiKey,
        String apiKeyReason,
        Instant apiKeyAt,
        String apiKeyEventId,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant lastFactAt) {

    public String tenant() {
        return tenantBinding == null ? null : tenantBinding.tenant();
    }

    public TenantSource tenantSource() {
        return tenantBinding == null ? null : tenantBinding.source();
    }

    ChannelState withTenant(TenantBinding binding) {
        return new ChannelState(channelId, hubId, clientId, clientObserved, binding, phoneNumber, status, statusAt,
                accountMode, permission, permissionSource, permissionAt, permissionEventId, apiKey, apiKeyReason,
                apiKeyAt, apiKeyEventId, version, createdAt, updatedAt, lastFactAt);
    }

    ChannelState withStatus(String newStatus, Instant newStatusAt, String newAccountMode) {
        return new ChannelState(channelId, hubId, clientId, clientObserved, tenantBinding, phoneNumber, newStatus,
                newStatusAt, newAccountMode, permission, permissionSource, permissionAt, permissionEventId, apiKey, apiKeyReason,
                apiKeyAt, apiKeyEventId, version, createdAt, updatedAt, lastFactAt);
    }

    ChannelState withIdentity(String newClientId, boolean observed, String newPhoneNumber) {
        return new ChannelState(channelId, hubId, newClientId, observed, tenantBinding, newPhoneNumber, status, statusAt,
                accountMode, permission, permissionSource, permissionAt, permissionEventId, apiKey, apiKeyReason,
                apiKeyAt, apiKeyEventId, version, createdAt, updatedAt, lastFactAt);
    }

    ChannelState withPermission(PermissionState state, String source, Instant at, String eventId) {
        return new ChannelState(channelId, hubId, clientId, clientObserved, tenantBinding, phoneNumber, status, statusAt,
                accountMode, state, source, at, eventId, apiKey, apiKeyReason, apiKeyAt, apiKeyEventId, version,
                createdAt, updatedAt, lastFactAt);
    }

    ChannelState withApiKey(ApiKeyState state, String reason, Instant at, String eventId) {
        return new ChannelState(channelId, hubId, clientId, clientObserved, tenantBinding, phoneNumber, status, statusAt,
                accountMode, permission, permissionSource, permissionAt, permissionEventId, state, reason, at, eventId,
                version, createdAt, updatedAt, lastFactAt);
    }

    ChannelState withTimes(Instant newCreatedAt, Instant newLastFactAt) {
        return new ChannelState(channelId, hubId, clientId, clientObserved, tenantBinding, phoneNumber, status, statusAt,
                accountMode, permission, permissionSource, permissionAt, permissionEventId, apiKey, apiKeyReason,
                apiKeyAt, apiKeyEventId, version, newCreatedAt, updatedAt, newLastFactAt);
    }

    ChannelState nextVersion(Instant changedAt) {
        return new ChannelState(channelId, hubId, clientId, clientObserved, tenantBinding, phoneNumber, status, statusAt,
                accountMode, permission, permissionSource, permissionAt, permissionEventId, apiKey, apiKeyReason,
                apiKeyAt, apiKeyEventId, version + 1, createdAt, changedAt, lastFactAt);
    }

    /** Everything a reader sees, without the bookkeeping that depends on the order facts arrived in. */
    public ChannelState withoutArrivalOrder() {
        return new ChannelState(channelId, hubId, clientId, clientObserved, tenantBinding, phoneNumber, status, statusAt,
                accountMode, permission, permissionSource, permissionAt, permissionEventId, apiKey, apiKeyReason,
                apiKeyAt, apiKeyEventId, 0, createdAt, null, lastFactAt);
    }
}
