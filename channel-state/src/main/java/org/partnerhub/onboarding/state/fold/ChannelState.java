package org.partnerhub.onboarding.state.fold;

import java.time.Instant;

import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;

/**
 * One channel of the projection, as the fold's independent parts: each is set by its own kind of fact and keeps what
 * decides whether a later-arriving fact of that kind is newer.
 */
public record ChannelState(Identity identity, HubStatus hub, Permission permission, ApiKey apiKey, Times times) {

    /**
     * Which channel, of which client and tenant.
     *
     * @param clientObserved whether 360dialog itself reported the channel under {@code clientId}; otherwise the client
     *     comes from a permission fact the gateway confirmed, and the first report by 360dialog replaces it
     * @param tenantBinding the channel's client's binding to a tenant, with its own time and event id
     */
    public record Identity(
            String channelId, String hubId, String clientId, boolean clientObserved, TenantBinding tenantBinding,
            String phoneNumber) {

        /** A channel known by its id alone: no client, tenant or number yet. */
        static Identity of(String channelId, String hubId) {
            return new Identity(channelId, hubId, null, false, null, null);
        }

        public String tenant() {
            return TenantBinding.tenantOf(tenantBinding);
        }

        public TenantSource tenantSource() {
            return TenantBinding.sourceOf(tenantBinding);
        }
    }

    /**
     * 360dialog's view of the channel.
     *
     * @param statusAt 360dialog's own timestamp for the status where the channel object carried one (kept as it came;
     *     most statuses carry none, so it orders nothing)
     * @param accountMode only moves from sandbox to live, whichever observation carried it
     * @param observed the observation that set the status ({@link StatusRule}); absent while there is none, and on
     *     channels stored before statuses were stamped
     */
    public record HubStatus(String status, Instant statusAt, String accountMode, Stamp observed) {

        /** Before 360dialog reported any status. */
        static final HubStatus UNREPORTED = new HubStatus(null, null, null, null);

        public ChannelStage stage() {
            return StageMapping.stage(status);
        }
    }

    /**
     * The partner's permission to create API keys for the channel.
     *
     * @param decidedBy the permission fact that decided it; absent while the permission is the hub's default
     */
    public record Permission(PermissionState state, Origin source, Stamp decidedBy) {
    }

    /**
     * What key-provisioner did with the channel's API key.
     *
     * @param decidedBy the API key fact that set it; absent while no key fact arrived
     */
    public record ApiKey(ApiKeyState state, String reason, Stamp decidedBy) {
    }

    /**
     * @param version bumped by every visible change
     * @param createdAt the earliest fact vouching for the channel
     * @param updatedAt when the latest visible change happened
     * @param lastFactAt the latest fact vouching for the channel
     */
    public record Times(long version, Instant createdAt, Instant updatedAt, Instant lastFactAt) {
    }

    public String channelId() {
        return identity.channelId();
    }

    public String hubId() {
        return identity.hubId();
    }

    public String clientId() {
        return identity.clientId();
    }

    public String tenant() {
        return identity.tenant();
    }

    ChannelState with(Identity newIdentity) {
        return new ChannelState(newIdentity, hub, permission, apiKey, times);
    }

    ChannelState with(HubStatus newHub) {
        return new ChannelState(identity, newHub, permission, apiKey, times);
    }

    ChannelState with(Permission newPermission) {
        return new ChannelState(identity, hub, newPermission, apiKey, times);
    }

    ChannelState with(ApiKey newApiKey) {
        return new ChannelState(identity, hub, permission, newApiKey, times);
    }

    ChannelState with(Times newTimes) {
        return new ChannelState(identity, hub, permission, apiKey, newTimes);
    }

    /** Everything a reader sees, without the bookkeeping that depends on the order facts arrived in. */
    public ChannelState withoutArrivalOrder() {
        return with(new Times(0, times.createdAt(), null, times.lastFactAt()));
    }
}
