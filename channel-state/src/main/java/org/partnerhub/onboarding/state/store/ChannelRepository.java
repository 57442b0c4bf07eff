package org.partnerhub.onboarding.state.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.state.fold.ChannelState;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The query API's reads of {@code channel}; callers open the session ({@code @WithSession}). */
@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<StoredChannel, String> {

    /** @return the channel, or {@code null} if there is none */
    public Uni<ChannelState> channel(String channelId) {
        return findById(channelId).map(channel -> channel == null ? null : channel.toState());
    }

    /**
     * Ordered by channel id, so that {@code after} pages through a stable order without offsets (keyset pagination,
     * served by the {@code (filter column, channel_id)} indexes).
     */
    public Uni<List<ChannelState>> page(ChannelFilter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        condition(conditions, parameters, "tenant", filter.tenant());
        condition(conditions, parameters, "clientId", filter.clientId());
        condition(conditions, parameters, "hubId", filter.hubId());
        condition(conditions, parameters, "stage", Rows.lower(filter.stage()));
        filter.onlyHubs().ifPresent(hubs -> {
            conditions.add("hubId in :onlyHubs");
            parameters.and("onlyHubs", hubs);
        });
        filter.onlyTenants().ifPresent(tenants -> {
            conditions.add("tenant in :onlyTenants");
            parameters.and("onlyTenants", tenants);
        });
        if (filter.after() != null) {
            conditions.add("channelId > :after");
            parameters.and("after", filter.after());
        }
        Sort byId = Sort.by("channelId");
        PanacheQuery<StoredChannel> query = conditions.isEmpty() ? findAll(byId)
                : find(String.join(" and ", conditions), byId, parameters);
        return query.range(0, filter.limit() - 1).list()
                .map(channels -> channels.stream().map(StoredChannel::toState).toList());
    }

    private static void condition(List<String> conditions, Parameters parameters, String field, String value) {
        if (value != null) {
            conditions.add(field + " = :" + field);
            parameters.and(field, value);
        }
    }
}
