package org.partnerhub.onboarding.state.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.state.fold.ChannelState;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The query API's reads of {@code channel}, through the same row mapping as the fold ({@link ChannelRows}), so that
 * what the API shows is what the fold wrote.
 */
@ApplicationScoped
public class ChannelRepository {

    @Inject
    Pool pool;

    /** @return the channel, or {@code null} if there is none */
    public Uni<ChannelState> channel(String channelId) {
        return pool.preparedQuery("select * from channel where channel_id = $1").execute(Tuple.of(channelId))
                .map(rows -> rows.iterator().hasNext() ? ChannelRows.channel(rows.iterator().next()) : null);
    }

    /**
     * Ordered by channel id, so that {@code after} pages through a stable order without offsets (keyset pagination,
     * served by the {@code (filter column, channel_id)} indexes).
     */
    public Uni<List<ChannelState>> page(ChannelFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        condition(conditions, parameters, "tenant = ?", filter.tenant());
        condition(conditions, parameters, "client_id = ?", filter.clientId());
        condition(conditions, parameters, "hub_id = ?", filter.hubId());
        condition(conditions, parameters, "stage = ?", filter.stage() == null ? null : filter.stage().value());
        filter.onlyHubs().ifPresent(hubs -> condition(conditions, parameters, "hub_id = any(?)", array(hubs)));
        filter.onlyTenants().ifPresent(tenants -> condition(conditions, parameters, "tenant = any(?)",
                array(tenants)));
        condition(conditions, parameters, "channel_id > ?", filter.after());
        parameters.add(filter.limit());
        String sql = "select * from channel" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by channel_id limit $" + parameters.size();
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<ChannelState> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(ChannelRows.channel(row)));
            return page;
        });
    }

    /** @param clause with {@code ?} where the parameter goes */
    private static void condition(List<String> conditions, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            parameters.add(value);
            conditions.add(clause.replace("?", "$" + parameters.size()));
        }
    }

    private static String[] array(Set<String> values) {
        return values.toArray(String[]::new);
    }
}
