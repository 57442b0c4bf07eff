package org.partnerhub.onboarding.state.store;

import java.util.Optional;
import java.util.Set;

import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * Filters of a channel listing; absent fields do not filter. {@code after} is the last channel id seen.
 *
 * @param onlyHubs when present, only channels of these hubs (what the caller's credential may see)
 * @param onlyTenants when present, only channels of these tenants; a channel without a tenant is in none
 */
public record ChannelFilter(String tenant, String clientId, String hubId, ChannelStage stage, String after,
        int limit, Optional<Set<String>> onlyHubs, Optional<Set<String>> onlyTenants) {
}
